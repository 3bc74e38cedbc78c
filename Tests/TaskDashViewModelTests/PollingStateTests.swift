import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

@Suite struct PollingStateTests {
  // MARK: - Filter and sort

  @Test func aTaskFilterNarrowsTheRowsAtOnceAndGoesToTheStore() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "market-analysis"), taskRow(2, "code-review"), taskRow(3, "Market-watch")])
    harness.press(.beginFilter)
    #expect(harness.state.inputMode == .prompt)
    harness.type("mark")
    #expect(harness.state.tasks.rows.map(\.id) == [id(1), id(3)])
    let query = TaskQuery(filter: FilterQuery([.init(.text("mark"))]))
    #expect(harness.state.requests[.tasks] == .tasks(query))
    #expect(harness.effects.contains(.startPoll(.tasks(query))))

    harness.press(.commitPrompt)
    #expect(harness.state.inputMode == .panes)
    #expect(harness.state.tasks.filter == "mark")
  }

  @Test func cancellingAFilterRestoresTheOneBefore() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha"), taskRow(2, "beta")])
    harness.press(.beginFilter)
    harness.type("al")
    harness.press(.commitPrompt, .beginFilter)
    harness.type("x")
    harness.press(.deleteBackward, .deleteBackward, .deleteBackward)
    #expect(harness.state.prompt?.text == "")
    harness.press(.cancelPrompt)
    #expect(harness.state.tasks.filter == "al")
    #expect(harness.state.tasks.rows.map(\.id) == [id(1)])
  }

  @Test func escapeAtTheTopLevelClearsTheFilter() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha"), taskRow(2, "beta")])
    harness.press(.beginFilter)
    harness.type("be")
    harness.press(.commitPrompt, .back)
    #expect(harness.state.tasks.filter == "")
    #expect(harness.state.tasks.rows.count == 2)
  }

  @Test func aRunFilterGoesToTheStoreAndNarrowsTheRowsAtOnce() {
    var harness = DashboardDriver()
    harness.loadRuns([
      runRow(3, status: .failed, error: "rate limited"), runRow(2, taskName: "code-review"), runRow(1),
    ])
    harness.press(.focusNext, .beginFilter)
    harness.type("failed")
    #expect(harness.state.requests[.runs] == .runs(RunQuery(filter: FilterQuery([.init(.text("failed"))]))))
    #expect(harness.state.runs.rows.map(\.id) == [id(1_003)])

    harness.press(.cancelPrompt, .beginFilter)
    harness.type("review")
    #expect(harness.state.requests[.runs] == .runs(RunQuery(filter: FilterQuery([.init(.text("review"))]))))
    #expect(harness.state.runs.rows.map(\.id) == [id(1_002)])

    harness.press(.cancelPrompt, .beginFilter)
    harness.type("#3")
    #expect(harness.state.runs.rows.map(\.id) == [id(1_003)])
  }

  @Test func sortCyclesTheTaskOrdersOfTheStore() {
    var harness = DashboardDriver()
    var orders: [TaskQuery.Sort] = []
    for _ in 0..<3 {
      harness.press(.cycleSort)
      orders.append(harness.state.tasks.sort)
      #expect(harness.effects == [.startPoll(.tasks(TaskQuery(sort: harness.state.tasks.sort)))])
    }
    #expect(orders == [.name, .status, .lastActivity])
  }

  @Test func sortingRunsByDurationPutsTheLongestFirstAndKeepsTheCursorOnItsRun() {
    var harness = DashboardDriver()
    harness.loadRuns([runRow(3, duration: nil), runRow(2, duration: 5), runRow(1, duration: 90)])
    harness.press(.focusNext, .moveDown)
    #expect(harness.state.runs.selectedID == id(1_002))
    harness.press(.cycleSort, .cycleSort)
    #expect(harness.state.runs.sort == .duration)
    #expect(harness.state.runs.rows.map(\.id) == [id(1_001), id(1_002), id(1_003)])
    #expect(harness.state.runs.selectedID == id(1_002))
    #expect(harness.state.runs.selectedIndex == 1)
  }

  // MARK: - Pause, refresh, interval

  @Test func pauseStopsEveryPollAndResumeStartsThemAgain() {
    var harness = DashboardDriver()
    let running = harness.state.requests
    let stopped = harness.press(.togglePause)
    #expect(harness.state.isPaused)
    #expect(Set(stopped) == Set(running.keys.map(Effect.stopPoll)))

    let started = harness.press(.togglePause)
    #expect(!harness.state.isPaused)
    #expect(Set(started) == Set(running.values.map(Effect.startPoll)))
  }

  @Test func whilePausedNavigationStillLoadsWhatItNeedsOnce() {
    var harness = DashboardDriver()
    harness.loadRuns([runRow(2), runRow(1)])
    harness.press(.togglePause, .focusNext, .moveDown)
    #expect(harness.effects.contains(.fetchOnce(.metrics(MetricQuery(scope: .run(id(1_001)))))))
    #expect(!harness.effects.contains { if case .startPoll = $0 { true } else { false } })
  }

  @Test func refreshNowPollsAtOnceOrReadsOnceWhenPaused() {
    var harness = DashboardDriver()
    #expect(harness.press(.refreshNow) == [.refreshPolls])
    harness.press(.togglePause)
    let reads = harness.press(.refreshNow)
    #expect(Set(reads) == Set(harness.state.requests.values.map(Effect.fetchOnce)))
  }

  @Test func theIntervalStepsWithinItsBounds() {
    var harness = DashboardDriver()
    #expect(harness.press(.faster) == [.setInterval(.milliseconds(500))])
    #expect(harness.press(.faster) == [.setInterval(.milliseconds(250))])
    #expect(harness.press(.faster).isEmpty)
    #expect(harness.state.interval == .milliseconds(250))
    for _ in 0..<20 { harness.press(.slower) }
    #expect(harness.state.interval == .seconds(60))
    #expect(harness.press(.slower).isEmpty)
  }

  // MARK: - Results

  @Test func aFailedPollKeepsTheLastGoodRowsMarkedStaleWithTheirAge() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha")], at: t0)
    #expect(harness.state.connection.status == .connected)

    let failure = LoadFailure(
      error: .connection("server closed the connection"), attempt: 1, at: t0.addingTimeInterval(5),
      retryAt: t0.addingTimeInterval(6))
    harness.send(.failed(harness.state.requests[.tasks]!, failure))
    let data = harness.state.tasks.data
    #expect(data.isStale)
    #expect(data.failure == failure)
    #expect(harness.state.tasks.rows.map(\.id) == [id(1)])
    #expect(data.age(at: harness.state.now) == .seconds(5))
    #expect(harness.state.connection.status == .reconnecting(failure))

    harness.send(.tick(t0.addingTimeInterval(12)))
    #expect(harness.state.tasks.data.age(at: harness.state.now) == .seconds(12))
    #expect(harness.state.refreshAge == .seconds(12))

    harness.loadTasks([taskRow(1, "alpha")], at: t0.addingTimeInterval(13))
    #expect(!harness.state.tasks.data.isStale)
    #expect(harness.state.connection.status == .connected)
  }

  @Test func theFirstPollThatGetsThroughAfterALostConnectionWakesTheOtherPanes() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha")], at: t0)
    harness.loadRuns([], at: t0)
    #expect(!harness.effects.contains(.refreshPolls))

    // Given the connection is lost and the panes are waiting out their backoff,
    let failure = LoadFailure(
      error: .connection("server closed the connection"), attempt: 4, at: t0.addingTimeInterval(5),
      retryAt: t0.addingTimeInterval(25))
    harness.send(.failed(harness.state.requests[.runs]!, failure))
    harness.send(.failed(harness.state.requests[.tasks]!, failure))

    // when one poll gets through, then every poll runs now;
    harness.send(.unchanged(harness.state.requests[.runs]!, at: t0.addingTimeInterval(6)))
    #expect(harness.effects.contains(.refreshPolls))
    #expect(harness.state.tasks.data.isStale)

    // later successes, while connected, wake nothing.
    harness.loadTasks([taskRow(1, "alpha")], at: t0.addingTimeInterval(7))
    #expect(!harness.effects.contains(.refreshPolls))
    #expect(!harness.state.tasks.data.isStale)
  }

  @Test func whilePausedAPollThatGetsThroughWakesNothing() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha")], at: t0)
    harness.press(.togglePause)
    let failure = LoadFailure(
      error: .connection("server closed the connection"), attempt: 1, at: t0.addingTimeInterval(5), retryAt: nil)
    harness.send(.failed(harness.state.requests[.tasks]!, failure))

    harness.loadTasks([taskRow(1, "alpha")], at: t0.addingTimeInterval(6))

    #expect(harness.state.connection.status == .connected)
    #expect(!harness.effects.contains(.refreshPolls))
  }

  @Test func aLoginFailureIsShownAsSomethingToFixNotARetry() {
    var harness = DashboardDriver()
    let failure = LoadFailure(
      error: .authentication("password authentication failed"), attempt: 1, at: t0,
      retryAt: t0.addingTimeInterval(60))
    harness.send(.failed(.health, failure))
    #expect(harness.state.connection.status == .failed(failure))
  }

  @Test func refreshNowAfterARefusedLoginAsksTheReaderToTryAgainBeforeThePollsRun() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha")], at: t0)
    let failure = LoadFailure(
      error: .authentication("password authentication failed"), attempt: 1, at: t0.addingTimeInterval(5),
      retryAt: t0.addingTimeInterval(65))
    harness.send(.failed(harness.state.requests[.tasks]!, failure))
    #expect(harness.state.tasks.data.isStale)
    #expect(harness.state.tasks.rows.map(\.id) == [id(1)])

    #expect(harness.press(.refreshNow) == [.reconnectNow, .refreshPolls])
    harness.press(.togglePause)
    let reads = harness.press(.refreshNow)
    #expect(reads.first == .reconnectNow)
    #expect(Set(reads.dropFirst()) == Set(harness.state.requests.values.map(Effect.fetchOnce)))
  }

  @Test func theFirstPollThatGetsThroughAfterARefusedLoginWakesTheOtherPanes() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha")], at: t0)
    harness.loadRuns([], at: t0)
    let failure = LoadFailure(
      error: .authentication("password authentication failed"), attempt: 1, at: t0.addingTimeInterval(5),
      retryAt: t0.addingTimeInterval(65))
    harness.send(.failed(harness.state.requests[.runs]!, failure))
    harness.send(.failed(harness.state.requests[.tasks]!, failure))

    harness.send(.unchanged(harness.state.requests[.runs]!, at: t0.addingTimeInterval(66)))
    #expect(harness.state.connection.status == .connected)
    #expect(harness.effects.contains(.refreshPolls))
    #expect(harness.press(.refreshNow) == [.refreshPolls])
  }

  @Test func anUnchangedPollRefreshesTheAgeWithoutTouchingTheRows() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "alpha")], at: t0)
    harness.send(.unchanged(harness.state.requests[.tasks]!, at: t0.addingTimeInterval(3)))
    #expect(harness.state.refreshAge == .zero)
    #expect(harness.state.tasks.data == .loaded([taskRow(1, "alpha")], at: t0.addingTimeInterval(3)))
  }

  @Test func aResultForAReplacedQueryIsDropped() {
    var harness = DashboardDriver()
    let old = TaskQuery()
    harness.press(.beginFilter)
    harness.type("zzz")
    harness.send(.loaded(.tasks(old, [taskRow(1, "alpha")]), at: t0))
    #expect(harness.state.tasks.data == .loading)
  }

  @Test func theHealthProbeFillsTheHeader() {
    var harness = DashboardDriver()
    let health = Health(roundTrip: .microseconds(420), serverVersion: "15.4", schemaVersion: 3)
    harness.send(.loaded(.health(health), at: t0))
    #expect(harness.state.connection.roundTrip == .microseconds(420))
    #expect(harness.state.connection.schemaVersion == 3)
    // A health probe is contact, not a data refresh.
    #expect(harness.state.lastRefresh == nil)
  }

  // MARK: - Selection by id

  @Test func newRunsArrivingAtTheTopKeepTheCursorOnTheSameRun() {
    var harness = DashboardDriver()
    harness.send(.layout(gridLayout(80, 13)))  // two rows per upper pane
    harness.loadRuns([runRow(3), runRow(2), runRow(1)])
    harness.press(.focusNext, .moveDown)
    #expect(harness.state.runs.selectedID == id(1_002))
    let metrics = harness.state.requests[.metrics]

    harness.loadRuns([runRow(5), runRow(4), runRow(3), runRow(2), runRow(1)])
    #expect(harness.state.runs.selectedID == id(1_002))
    #expect(harness.state.runs.selectedIndex == 3)
    // The scroll moved with the row, and the detail panes did not restart.
    #expect(harness.state.runs.scrollOffset == 2)
    #expect(harness.state.requests[.metrics] == metrics)
    #expect(!harness.effects.contains { if case .startPoll = $0 { true } else { false } })
  }

  @Test func whenTheSelectedRowVanishesTheRowNowAtItsPlaceIsSelected() {
    var harness = DashboardDriver()
    harness.loadRuns([runRow(3), runRow(2), runRow(1)])
    harness.press(.focusNext, .moveDown)
    harness.loadRuns([runRow(3), runRow(1)])
    #expect(harness.state.runs.selectedID == id(1_001))
    #expect(harness.state.runs.selectedIndex == 1)

    harness.loadRuns([runRow(3)])
    #expect(harness.state.runs.selectedID == id(1_003))
    harness.loadRuns([])
    #expect(harness.state.runs.selectedIndex == nil)
    #expect(harness.state.runs.selectedRow == nil)
  }
}
