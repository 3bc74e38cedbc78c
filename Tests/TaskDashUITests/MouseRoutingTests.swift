import TaskDashTestSupport
import TaskDashViewModel
import Testing

@testable import TaskDashUI
@testable import TerminalUI

/// Clicks and the wheel, mapped through the frame's own geometry to the actions keys send, and
/// what those actions do to the panes.
@Suite struct MouseRoutingTests {
  static let size = Size(width: 120, height: 40)

  static func actions(_ kind: MouseEvent.Kind, _ x: Int, _ y: Int, on dashboard: DashboardDriver) -> [Action] {
    MouseRouting.actions(for: MouseEvent(kind, x: x, y: y), state: dashboard.state, size: Self.size)
  }

  /// The screen row of a pane's first data row: its border, then its header.
  static func firstRowY(of pane: PaneID) -> Int {
    let grid = ScreenLayout.panes(ScreenLayout.regions(size).body)
    let area = [PaneID.tasks: grid.tasks, .runs: grid.runs, .metrics: grid.metrics, .artifacts: grid.artifacts][pane]!
    return area.y + 2
  }

  @Test func aClickOnARowSelectsItInItsPaneAndTheFrameShowsIt() {
    var dashboard = DashboardDriver.loaded(width: 120, height: 40)
    let y = Self.firstRowY(of: .runs) + 2
    let actions = Self.actions(.click, 80, y, on: dashboard)
    #expect(actions == [.clickRow(.runs, 2)])
    for action in actions { dashboard.press(action) }
    #expect(dashboard.state.focus == .runs)
    #expect(dashboard.state.runs.selectedIndex == 2)
    // The row under the pointer is the one the frame draws selected.
    let row = dashboard.rows[y]
    let selectedRun = dashboard.state.runs.selectedRow
    #expect(row.contains("#\(selectedRun?.runNumber ?? -1) "))
  }

  @Test func aClickOnATitleOrBelowTheLastRowFocusesThePaneOnly() {
    var dashboard = DashboardDriver.loaded(width: 120, height: 40)
    let titleY = Self.firstRowY(of: .artifacts) - 2
    #expect(Self.actions(.click, 70, titleY, on: dashboard) == [.focusPane(.artifacts)])
    let belowRows = Self.firstRowY(of: .tasks) + 10
    let actions = Self.actions(.click, 10, belowRows, on: dashboard)
    #expect(actions == [.clickRow(.tasks, 10)])
    dashboard.press(.focusNext)
    let selected = dashboard.state.tasks.selectedIndex
    for action in actions { dashboard.press(action) }
    #expect(dashboard.state.focus == .tasks)
    #expect(dashboard.state.tasks.selectedIndex == selected, "no row there: the selection stays")
  }

  @Test func aDoubleClickDrillsInAndTheWheelMovesThreeRows() {
    let dashboard = DashboardDriver.loaded(width: 120, height: 40)
    let y = Self.firstRowY(of: .tasks)
    #expect(Self.actions(.doubleClick, 5, y, on: dashboard) == [.clickRow(.tasks, 0), .drillIn])
    #expect(
      Self.actions(.wheelDown, 80, y + 5, on: dashboard) == [.focusPane(.runs), .moveDown, .moveDown, .moveDown])
    #expect(Self.actions(.wheelUp, 5, y, on: dashboard) == [.focusPane(.tasks), .moveUp, .moveUp, .moveUp])
  }

  @Test func elsewhereTheWheelScrollsAndClicksDoNothing() {
    var dashboard = DashboardDriver.loaded(width: 120, height: 40)
    dashboard.press(.openPage)
    #expect(dashboard.state.inputMode == .page)
    #expect(Self.actions(.wheelDown, 50, 20, on: dashboard) == [.moveDown, .moveDown, .moveDown])
    #expect(Self.actions(.click, 50, 20, on: dashboard).isEmpty)
    dashboard.press(.toggleHelp)
    #expect(Self.actions(.wheelDown, 50, 20, on: dashboard).isEmpty)
  }
}
