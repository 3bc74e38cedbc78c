import TaskDashViewModel
import TerminalUI

/// What a click or a turn of the wheel means where it lands: the same actions the keys send.
///
/// The geometry is the screen's own (`ScreenLayout`, a pane's border, its header row), so a
/// click selects the row drawn under it. On the panes a click on a row selects it and focuses
/// its pane, a click on a border or title focuses the pane, a double click drills in, and the
/// wheel moves the selection of the pane under the pointer. Elsewhere the wheel scrolls.
public enum MouseRouting {
  /// Rows one notch of the wheel moves.
  static let wheelRows = 3

  /// The actions for `event` on `state`'s screen at `size`.
  public static func actions(for event: MouseEvent, state: AppState, size: Size) -> [Action] {
    let wheel: Action? =
      switch event.kind {
      case .wheelUp: .moveUp
      case .wheelDown: .moveDown
      case .click, .doubleClick: nil
      }
    switch state.inputMode {
    case .panes:
      return panes(event, wheel: wheel, size: size)
    case .viewer, .page, .triage, .failureRuns, .compare, .environments:
      return wheel.map { Array(repeating: $0, count: wheelRows) } ?? []
    case .chart, .prompt, .help:
      return []
    }
  }

  private static func panes(_ event: MouseEvent, wheel: Action?, size: Size) -> [Action] {
    let grid = ScreenLayout.panes(ScreenLayout.regions(size).body)
    let panes: [(PaneID, Rect)] = [
      (.tasks, grid.tasks), (.runs, grid.runs), (.metrics, grid.metrics), (.artifacts, grid.artifacts),
    ]
    guard
      let (pane, area) = panes.first(where: { _, area in
        (area.x..<area.maxX).contains(event.x) && (area.y..<area.maxY).contains(event.y)
      })
    else { return [] }
    if let wheel { return [.focusPane(pane)] + Array(repeating: wheel, count: wheelRows) }
    // Inside the border the table's header takes the first line; its rows follow.
    let inner = Block.inner(area)
    let position = event.y - inner.y - 1
    guard position >= 0, event.y < inner.maxY, (inner.x..<inner.maxX).contains(event.x) else {
      return [.focusPane(pane)]
    }
    return event.kind == .doubleClick ? [.clickRow(pane, position), .drillIn] : [.clickRow(pane, position)]
  }
}
