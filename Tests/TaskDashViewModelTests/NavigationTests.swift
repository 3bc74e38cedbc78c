import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

@Suite struct NavigationTests {
  @Test func startingPollsEveryPaneThatHasSomethingToShow() {
    var state = AppState(now: t0)
    #expect(update(&state, .layout(gridLayout(120, 40))).isEmpty)
    let effects = update(&state, .start(at: t0))
    #expect(effects.contains(.setInterval(.seconds(1))))
    #expect(effects.contains(.startPoll(.tasks(TaskQuery(limit: 200)))))
    #expect(effects.contains(.startPoll(.runs(RunQuery(limit: 100)))))
    #expect(effects.contains(.startPoll(.artifacts(ArtifactQuery(scope: .all, limit: 100)))))
    #expect(effects.contains(.startPoll(.health)))
    // No run is selected yet, so there are no metrics to read.
    #expect(!effects.contains { if case .startPoll(.metrics) = $0 { true } else { false } })
    #expect(state.metrics.data == .idle)
  }

  @Test func metricsAndArtifactsFollowTheSelectedRunAtTheTopLevel() {
    var harness = DashboardDriver()
    harness.loadRuns([runRow(2), runRow(1)])
    #expect(harness.effects.contains(.startPoll(.metrics(MetricQuery(scope: .run(id(1_002)))))))
    #expect(harness.effects.contains(.startPoll(.artifacts(ArtifactQuery(scope: .run(id(1_002)))))))

    harness.press(.focusNext, .moveDown)
    #expect(harness.state.focus == .runs)
    #expect(harness.state.runs.selectedID == id(1_001))
    #expect(harness.effects.contains(.startPoll(.metrics(MetricQuery(scope: .run(id(1_001)))))))
    #expect(harness.state.metrics.data == .loading)
  }

  @Test func tabCyclesThroughTheFourPanesBothWays() {
    var harness = DashboardDriver()
    var seen: [PaneID] = []
    for _ in 0..<4 {
      harness.press(.focusNext)
      seen.append(harness.state.focus)
    }
    #expect(seen == [.runs, .metrics, .artifacts, .tasks])
    harness.press(.focusPrevious)
    #expect(harness.state.focus == .artifacts)
  }

  @Test func drillingInAndBackWalksTheBreadcrumb() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "market-analysis"), taskRow(2, "code-review")])
    #expect(harness.state.breadcrumb == ["Tasks"])

    // Enter on a task scopes the runs pane to it.
    harness.press(.drillIn)
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis"])
    #expect(harness.state.focus == .runs)
    #expect(harness.state.requests[.runs] == .runs(RunQuery(taskID: id(1))))
    #expect(harness.effects.contains(.startPoll(.runs(RunQuery(taskID: id(1))))))
    #expect(harness.state.runs.data == .loading)

    // Enter on a run pins metrics and artifacts to it.
    harness.loadRuns([runRow(3, runNumber: 3), runRow(2, runNumber: 2)])
    harness.press(.drillIn)
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis", "run #3"])
    #expect(harness.state.focus == .artifacts)
    #expect(harness.state.requests[.metrics] == .metrics(MetricQuery(scope: .run(id(1_003)))))

    // Enter on an artifact opens the viewer.
    harness.loadArtifacts([artifactRow(1, name: "summary.md")])
    harness.press(.drillIn)
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis", "run #3", "summary.md"])
    #expect(harness.state.inputMode == .viewer)
    #expect(harness.effects.contains(.fetchArtifact(id(5_001))))
    #expect(!contentRequests(harness.effects).isEmpty)

    // Esc goes back one level at a time.
    harness.press(.back)
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis", "run #3"])
    harness.press(.back)
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis"])
    #expect(harness.state.focus == .runs)
    harness.press(.back)
    #expect(harness.state.breadcrumb == ["Tasks"])
    #expect(harness.state.focus == .tasks)
    #expect(harness.state.requests[.runs] == .runs(RunQuery()))
  }

  @Test func enteringARunFromTheTopLevelPassesThroughItsTask() {
    var harness = DashboardDriver()
    harness.loadRuns([runRow(4, task: 7, taskName: "code-review", runNumber: 12), runRow(3)])
    harness.press(.focusNext, .drillIn)
    #expect(harness.state.breadcrumb == ["Tasks", "code-review", "run #12"])
    // The runs pane now lists that task's runs, and the cursor waits for the same run.
    #expect(harness.state.requests[.runs] == .runs(RunQuery(taskID: id(7))))
    harness.loadRuns([runRow(5, task: 7, runNumber: 13), runRow(4, task: 7, runNumber: 12)])
    #expect(harness.state.runs.selectedID == id(1_004))

    harness.press(.back)
    #expect(harness.state.breadcrumb == ["Tasks", "code-review"])
  }

  @Test func enterOnAMetricOpensItsChartWithoutDrillingIn() {
    var harness = DashboardDriver()
    harness.loadRuns([runRow(1)])
    harness.loadMetrics([series("tokens")])
    harness.press(.focusNext, .focusNext)
    harness.press(.drillIn)
    #expect(harness.state.levels.isEmpty)
    #expect(harness.state.chart?.name == "tokens")
    #expect(harness.state.breadcrumb == ["Tasks", "tokens"])
  }

  @Test func movingStopsAtBothEndsAndPagesByTheViewportHeight() {
    var harness = DashboardDriver()
    harness.send(.layout(gridLayout(80, 13)))  // five rows per upper pane
    harness.loadTasks((1...20).map { taskRow($0, "task-\($0)") })
    #expect(harness.state.layout.rows(for: .tasks) == 2)
    harness.press(.moveUp)
    #expect(harness.state.tasks.selectedIndex == 0)
    harness.press(.pageDown)
    #expect(harness.state.tasks.selectedIndex == 2)
    #expect(harness.state.tasks.scrollOffset == 1)
    harness.press(.end)
    #expect(harness.state.tasks.selectedIndex == 19)
    #expect(harness.state.tasks.scrollOffset == 18)
    harness.press(.moveDown)
    #expect(harness.state.tasks.selectedIndex == 19)
    harness.press(.home)
    #expect(harness.state.tasks.selectedIndex == 0)
    #expect(harness.state.tasks.scrollOffset == 0)
  }

  @Test func aSmallerTerminalKeepsTheSelectionOnScreen() {
    var harness = DashboardDriver()
    harness.loadTasks((1...30).map { taskRow($0, "task-\($0)") })
    harness.press(.end)
    harness.send(.layout(gridLayout(80, 11)))
    let rows = harness.state.layout.rows(for: .tasks)
    let pane = harness.state.tasks
    #expect(pane.selectedIndex == 29)
    #expect(pane.scrollOffset <= 29 && 29 < pane.scrollOffset + max(rows, 1))
  }

  @Test func helpIsModalUntilClosed() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "a"), taskRow(2, "b")])
    harness.press(.toggleHelp)
    #expect(harness.state.inputMode == .help)
    harness.press(.moveDown)
    #expect(harness.state.tasks.selectedIndex == 0)
    harness.press(.back)
    #expect(harness.state.inputMode == .panes)
  }

  @Test func quittingStopsEverything() {
    var harness = DashboardDriver()
    #expect(harness.press(.quit) == [.quit])
    #expect(harness.state.isQuitting)
    #expect(harness.send(.tick(t0.addingTimeInterval(1))).isEmpty)
  }
}
