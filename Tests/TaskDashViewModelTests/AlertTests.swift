import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// Alerts (`--notify`, `a`): which runs ring, and that each run rings at most once per kind.
@Suite struct AlertTests {
  static func alerts(_ effects: [Effect]) -> [RunAlert] {
    effects.compactMap { if case .alert(let alert) = $0 { alert } else { nil } }
  }

  /// Answers the watch poll with `rows` failed and `running`, returning the effects.
  @discardableResult
  static func loadWatch(_ harness: inout DashboardDriver, _ rows: [RunRow], running: [RunRow] = []) -> [Effect] {
    guard case .watch(let query)? = harness.state.requests[.watch] else {
      Issue.record("no watch poll")
      return []
    }
    return harness.send(.loaded(.watch(query, WatchedRuns(failed: rows, running: running)), at: harness.state.now))
  }

  @Test func alertsAreOffUntilAskedForAndNothingIsWatched() {
    var harness = DashboardDriver()
    #expect(harness.state.requests[.watch] == nil)
    #expect(!harness.state.alerts.isOn)
    harness.press(.toggleAlerts)
    #expect(harness.state.alerts.isOn)
    guard case .watch(let query)? = harness.state.requests[.watch] else {
      Issue.record("a switches the watch on")
      return
    }
    #expect(query.since == t0.addingTimeInterval(-AlertWatch.clockAllowance))
    #expect(query.taskID == nil)
    #expect(harness.effects.contains(.startPoll(.watch(query))))
    harness.press(.toggleAlerts)
    #expect(harness.state.requests[.watch] == nil)
    #expect(harness.effects.contains(.stopPoll(.watch)))
  }

  @Test func theFirstAnswerIsABaselineAndEachNewFailureRingsOnce() {
    var harness = DashboardDriver(settings: AppSettings(alerts: true))
    let old = runRow(1, status: .failed, error: "before we looked")
    #expect(Self.alerts(Self.loadWatch(&harness, [old])).isEmpty)

    let failed = runRow(2, status: .failed, error: "s3_read: AccessDenied")
    let rung = Self.alerts(Self.loadWatch(&harness, [failed, old]))
    #expect(
      rung == [
        RunAlert(runID: failed.id, kind: .failed, runTitle: "market-analysis #2", detail: "s3_read: AccessDenied")
      ])

    // The same answer again (a poll that changed nothing else) rings nothing.
    let timedOut = runRow(3, status: .timeout)
    let next = Self.alerts(Self.loadWatch(&harness, [timedOut, failed, old]))
    #expect(next.map(\.runID) == [timedOut.id])
    #expect(next.map(\.kind) == [.timeout])
    #expect(Self.alerts(Self.loadWatch(&harness, [timedOut, failed, old])).isEmpty)
  }

  @Test func alertsWatchWhileAPageIsInViewAndFollowTheDrilledTask() {
    var harness = DashboardDriver(settings: AppSettings(alerts: true))
    harness.loadTasks([taskRow(1, "market-analysis"), taskRow(2, "code-review")])
    Self.loadWatch(&harness, [])
    harness.press(.openPage)
    #expect(harness.state.page != nil)
    #expect(harness.state.polled.contains(.watch))
    harness.press(.back, .drillIn)
    guard case .watch(let query)? = harness.state.requests[.watch] else {
      Issue.record("the watch stays on after drilling in")
      return
    }
    #expect(query.taskID == id(1))
    // The drilled task's first answer is its own baseline: its older failures do not ring.
    #expect(Self.alerts(Self.loadWatch(&harness, [runRow(4, status: .failed)])).isEmpty)
    #expect(Self.alerts(Self.loadWatch(&harness, [runRow(5, status: .failed), runRow(4, status: .failed)])).count == 1)
  }

  @Test func anAnswerToAReplacedQueryRingsNothing() {
    var harness = DashboardDriver(settings: AppSettings(alerts: true))
    guard case .watch(let old)? = harness.state.requests[.watch] else {
      Issue.record("--notify starts the watch")
      return
    }
    Self.loadWatch(&harness, [])
    harness.loadTasks([taskRow(1, "market-analysis")])
    harness.press(.drillIn)
    let effects = harness.send(.loaded(.watch(old, WatchedRuns(failed: [runRow(9, status: .failed)])), at: t0))
    #expect(Self.alerts(effects).isEmpty)
  }

  /// A running run whose last sign was `minutes` before `t0`, with snapshots every 10 s.
  static func running(_ number: Int, lastSignMinutesAgo minutes: Double) -> RunRow {
    var row = runRow(number, status: .running, started: t0.addingTimeInterval(-3_600))
    row.activity = RunActivity(lastSignAt: t0.addingTimeInterval(-minutes * 60), medianInterval: 10)
    return row
  }

  @Test func aRunThatGoesSilentBetweenPollsRingsOnceOnTheTickThatCrossesTheLimit() {
    var harness = DashboardDriver(settings: AppSettings(alerts: true))
    let quiet = Self.running(1, lastSignMinutesAgo: 4)
    let alreadySilent = Self.running(2, lastSignMinutesAgo: 30)
    // The run silent before anyone asked is part of the baseline.
    #expect(Self.alerts(Self.loadWatch(&harness, [], running: [quiet, alreadySilent])).isEmpty)
    #expect(Self.alerts(harness.send(.tick(t0.addingTimeInterval(30)))).isEmpty)

    // Five minutes after its last sign (the floor, since 3 × 10 s is less) it is silent.
    let rung = Self.alerts(harness.send(.tick(t0.addingTimeInterval(61))))
    #expect(rung.map(\.runID) == [quiet.id])
    #expect(rung.map(\.kind) == [.silent])
    #expect(Self.alerts(harness.send(.tick(t0.addingTimeInterval(62)))).isEmpty)
    // The next poll finds it still running and still silent: it does not ring again.
    #expect(Self.alerts(Self.loadWatch(&harness, [], running: [quiet, alreadySilent])).isEmpty)
  }

  @Test func aSilentRunThatFailsRingsForTheFailureToo() {
    var harness = DashboardDriver(settings: AppSettings(alerts: true))
    let quiet = Self.running(1, lastSignMinutesAgo: 4)
    Self.loadWatch(&harness, [], running: [quiet])
    #expect(Self.alerts(harness.send(.tick(t0.addingTimeInterval(120)))).map(\.kind) == [.silent])
    var failed = quiet
    failed.status = .known(.failed)
    #expect(Self.alerts(Self.loadWatch(&harness, [failed])).map(\.kind) == [.failed])
  }
}
