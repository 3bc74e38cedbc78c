import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import TaskDashViewModel

/// Failure triage in the situations its frame tests draw, built from messages only.
enum TriageScenes {
  /// Three groups of the last day; the second's newest message carries escape sequences, a
  /// bidi override and a line break, as any writer of error messages may.
  static let groups = [
    FailureGroup(
      pattern: "rate limited by provider (#): retry after #s", count: 1_204, taskCount: 4,
      taskNames: ["market-analysis", "code-review", "data-pipeline"], firstSeen: at(-80_000), lastSeen: at(-42),
      example: "rate limited by provider (429): retry after 30s", exampleLength: 47),
    FailureGroup(
      pattern: "tool '…' wrote \"…\" at <hex>", count: 17, taskCount: 1, taskNames: [HostileScenes.escapes],
      firstSeen: at(-7_500), lastSeen: at(-600),
      example: "tool 'shell' wrote \"\u{1b}]0;owned\u{07}\u{1b}[2J\" at 0xdeadbeef\nnext: \(HostileScenes.bidi)",
      exampleLength: 5_000),
    FailureGroup(
      pattern: "", count: 2, taskCount: 1, taskNames: ["doc-writer"], firstSeen: at(-3_600), lastSeen: at(-3_000),
      example: "", exampleLength: 0),
  ]

  /// `E` on the sample dashboard, the groups loaded, the hostile group selected.
  static func triage(_ width: Int, _ height: Int, failures: Int = 1_223) -> DashboardDriver {
    var dashboard = DashboardDriver.loaded(width: width, height: height)
    dashboard.press(.openTriage)
    guard case .failureGroups(let query)? = dashboard.state.requests[.triage] else { return dashboard }
    dashboard.send(
      .loaded(.failureGroups(query, FailureGroups(groups: groups, failures: failures, cap: query.cap)), at: at(5)))
    dashboard.press(.moveDown)
    dashboard.send(.tick(at(6)))
    return dashboard
  }

  /// Enter on the first group: its runs, the newest selected.
  static func runs(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = triage(width, height)
    dashboard.press(.home, .drillIn)
    guard case .failureRuns(let query)? = dashboard.state.requests[.failureRuns] else { return dashboard }
    let runs = [
      runRow(
        11, task: 1, taskName: "market-analysis", runNumber: 11, status: .failed, started: at(-600), duration: 125.5,
        error: "rate limited by provider (429): retry after 30s"),
      runRow(
        5, task: 3, taskName: "data-pipeline", runNumber: 5, status: .timeout, started: at(-7_500), duration: 3_600,
        error: "rate limited by provider (503): retry after 120s"),
    ]
    dashboard.send(.loaded(.failureRuns(query, runs), at: at(5)))
    dashboard.send(.tick(at(6)))
    return dashboard
  }
}
