import TaskDashStore

extension PaneID {
  /// The list whose query language this pane's `/` speaks; nil for a plain substring filter.
  public var filterScope: FilterScope? {
    switch self {
    case .tasks: .tasks
    case .runs: .runs
    case .metrics, .artifacts: nil
    }
  }
}
