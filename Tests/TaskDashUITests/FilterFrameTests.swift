import TaskDashTestSupport
import TaskDashViewModel
import TerminalUI
import Testing

/// The `/` prompt's line when the query cannot be read: where and what was expected, with the
/// end of what was typed, at both sizes; the panes keep the previous filter.
@Suite struct FilterFrameTests {
  /// The runs pane filtered by `status:failed`, then ` dur>5x` pasted into its prompt.
  static func unreadable(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = Scenes.main(width, height)
    dashboard.press(.focusNext, .beginFilter)
    dashboard.type("status:failed")
    dashboard.press(.commitPrompt, .beginFilter)
    dashboard.send(.action(.insertText(" dur>5x")))
    return dashboard
  }

  @Test func anUnreadableQueryIsExplainedOnThePromptLineAt80By24() {
    let dashboard = Self.unreadable(80, 24)
    #expect(dashboard.rows[23] == " /filter runs: … dur>5x▏  dur>5x: at 19: expected a duration such as 30s, 5m, 2h")
    #expect(dashboard.state.runs.filter == "status:failed")
  }

  @Test func anUnreadableQueryIsExplainedOnThePromptLineAt120By40() {
    let rows = Self.unreadable(120, 40).rows
    let line = " /filter runs: status:failed dur>5x▏  dur>5x: at 19: expected a duration such as 30s, 5m, 2h"
    #expect(rows[39] == line + String(repeating: " ", count: 120 - TerminalText.displayWidth(line)))
    #expect(rows[2].contains("/status:failed"))
  }
}
