import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// A silent run as the view-model carries it: the store's inputs arrive with the rows, and the
/// verdict follows the dashboard's clock between polls.
@Suite struct SilentRunTests {
  /// Run #3, running since ten minutes before `t0`, whose last snapshot came four minutes
  /// before `t0`: not yet silent at `t0`, silent from a minute later.
  static let run: RunRow = {
    var run = runRow(3, status: .running, started: at(-600))
    run.activity = RunActivity(lastSignAt: at(-240), medianInterval: 15)
    return run
  }()

  static func page(of run: RunRow) -> RunPage {
    RunPage(
      run: run, updatedAt: t0, errorMessage: nil, errorDetails: nil, plan: nil, results: nil, metrics: [],
      artifacts: [], previousRunID: nil, nextRunID: nil)
  }

  @Test func aRunTurnsSilentInTheRunsPaneAsTheClockPassesItsLimitWithoutANewRead() {
    var harness = DashboardDriver()
    harness.loadRuns([Self.run])
    let row = harness.state.runs.rows.first
    #expect(row?.silentSeconds(at: harness.state.now) == nil)
    harness.send(.tick(at(61)))
    #expect(row?.silentSeconds(at: harness.state.now) == 301)
  }

  @Test func theRunsPageSaysLastSignThenSilentSinceAsTimePasses() throws {
    var harness = DashboardDriver()
    harness.loadRuns([Self.run])
    harness.press(.focusNext, .openPage)
    harness.loadPage(.run(Self.page(of: Self.run)))
    let before = try #require(harness.state.page?.lines(at: harness.state.now))
    #expect(before.contains { $0.text == "last sign 4m00s ago · silent after 5m00s" })
    harness.send(.tick(at(120)))
    let after = try #require(harness.state.page?.lines(at: harness.state.now))
    #expect(after.contains { $0.text == "silent since 2026-11-25T09:56:00Z (6m00s)" })
  }

  @Test func aFinishedRunsPageHasNoActivityLine() throws {
    var harness = DashboardDriver()
    let finished = runRow(4, status: .completed, started: at(-600), duration: 60)
    harness.loadRuns([finished])
    harness.press(.focusNext, .openPage)
    harness.loadPage(.run(Self.page(of: finished)))
    let lines = try #require(harness.state.page?.lines(at: harness.state.now))
    #expect(!lines.contains { $0.role == .field(label: "Activity    ") })
    #expect(lines.contains { $0.role == .field(label: "Status      ") })
  }

  @Test func aTaskPageCountsItsSilentRunsBesideTheRunningOnes() throws {
    var task = taskRow(1, "market-analysis", runningNow: 3)
    task.silentNow = 2
    let page = TaskPage(
      task: task, runsByStatus: [], durations: nil, latestFailure: nil, previousTaskID: nil, nextTaskID: nil)
    let lines = PageDocument.lines(for: .task(page), now: t0)
    #expect(lines.contains { $0.text == "3 · 2 silent" })
  }
}
