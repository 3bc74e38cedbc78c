import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// The `/` prompt speaking the query language: a query goes to the store whole, and one that
/// cannot be read is explained while the previous filter stays in force.
@Suite struct FilterPromptTests {
  static let runs = [
    runRow(3, status: .failed, duration: 120, error: "rate limited"), runRow(2, taskName: "code-review"), runRow(1),
  ]

  /// The runs pane focused with `runs` loaded and `text` typed into its prompt.
  static func typed(_ text: String) -> DashboardDriver {
    var harness = DashboardDriver()
    harness.loadRuns(runs)
    harness.press(.focusNext, .beginFilter)
    harness.type(text)
    return harness
  }

  @Test func aQueryGoesToTheStoreAndItsAnswerIsShownAsItCame() throws {
    var harness = Self.typed("status:failed dur>1m")
    let query = try FilterParser.parse("status:failed dur>1m", for: .runs)
    #expect(harness.state.requests[.runs] == .runs(RunQuery(filter: query)))
    #expect(harness.state.prompt?.problem == nil)
    // Terms beyond plain words are the store's: the pane shows its answer unfiltered again.
    harness.loadRuns([Self.runs[0]])
    #expect(harness.state.runs.rows.map(\.id) == [id(1_003)])
    harness.press(.commitPrompt)
    #expect(harness.state.runs.filter == "status:failed dur>1m")
  }

  @Test func aQueryThatCannotBeReadIsExplainedAndThePreviousFilterStays() throws {
    var harness = Self.typed("status:failed")
    harness.press(.commitPrompt)
    let kept = harness.state.requests[.runs]
    harness.press(.beginFilter)
    // Pasted at once: typed key by key, "status:failed dur" would be a readable query on the way.
    harness.send(.action(.insertText(" dur>5x")))
    #expect(harness.state.prompt?.text == "status:failed dur>5x")
    #expect(harness.state.prompt?.problem?.description == "dur>5x: at 19: expected a duration such as 30s, 5m, 2h")
    #expect(harness.state.runs.filter == "status:failed")
    #expect(harness.state.requests[.runs] == kept)
    #expect(!harness.effects.contains { if case .startPoll(.runs) = $0 { true } else { false } })

    // Enter keeps the prompt open on its explanation; mending the text clears it.
    harness.press(.commitPrompt)
    #expect(harness.state.inputMode == .prompt)
    harness.press(.deleteBackward)
    harness.type("m")
    #expect(harness.state.prompt?.problem == nil)
    #expect(harness.state.runs.filter == "status:failed dur>5m")
    harness.press(.commitPrompt)
    #expect(harness.state.inputMode == .panes)
  }

  @Test func escapeOnAnUnreadableQueryRestoresTheFilterBefore() {
    var harness = Self.typed("owner:me")
    #expect(harness.state.prompt?.problem?.column == 1)
    harness.press(.cancelPrompt)
    #expect(harness.state.prompt == nil)
    #expect(harness.state.runs.filter == "")
    #expect(harness.state.runs.rows.count == 3)
  }

  @Test func theTasksPaneRefusesRunTermsInItsPrompt() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha"), taskRow(2, "beta")])
    harness.press(.beginFilter)
    harness.type("al")
    harness.send(.action(.insertText(" err:x")))
    #expect(harness.state.prompt?.problem?.message == "err looks in runs' errors: use it on the runs pane")
    #expect(harness.state.tasks.filter == "al")
    #expect(harness.state.tasks.rows.map(\.id) == [id(1)])
  }

  @Test func plainWordsStillNarrowTheRowsAtOnceAndNegationsExclude() {
    let harness = Self.typed("-review -#1")
    #expect(harness.state.runs.rows.map(\.id) == [id(1_003)])
  }
}
