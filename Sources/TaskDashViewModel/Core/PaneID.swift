/// The four panes of the dashboard, in Tab order.
public enum PaneID: String, CaseIterable, Hashable, Sendable {
  case tasks, runs, metrics, artifacts

  /// The pane after this one, wrapping around.
  public var next: PaneID {
    let all = PaneID.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }

  /// The pane before this one, wrapping around.
  public var previous: PaneID {
    let all = PaneID.allCases
    return all[(all.firstIndex(of: self)! + all.count - 1) % all.count]
  }
}
