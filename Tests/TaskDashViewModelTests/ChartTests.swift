import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// A metric's chart: what Enter on a metric opens, what it polls, and what its keys do.
@Suite struct ChartTests {
  /// A plot of 10 dot columns, so one bucket per column is easy to count.
  static func layout() -> PaneLayout {
    var layout = gridLayout(120, 40)
    layout.chartColumns = 10
    return layout
  }

  /// A dashboard drilled into run #2 of market-analysis, its metrics focused.
  static func onMetrics() -> DashboardDriver {
    var harness = DashboardDriver(layout: layout())
    harness.loadTasks([taskRow(1, "market-analysis")])
    harness.loadRuns([runRow(2), runRow(1)])
    harness.press(.focusNext, .drillIn)
    harness.loadMetrics([series("accuracy"), series("loss", unit: "ratio")])
    while harness.state.focus != .metrics { harness.press(.focusNext) }
    harness.press(.moveDown)
    return harness
  }

  /// A dashboard drilled into market-analysis, which has no runs: its metrics pane shows the
  /// task's own metrics, focused.
  static func onTaskMetrics() -> DashboardDriver {
    var harness = DashboardDriver(layout: Self.layout())
    harness.loadTasks([taskRow(1, "market-analysis")])
    harness.press(.drillIn)
    harness.loadRuns([])
    harness.loadMetrics([series("queue depth")])
    while harness.state.focus != .metrics { harness.press(.focusNext) }
    return harness
  }

  static func started(_ effects: [Effect]) -> [PollRequest] {
    effects.compactMap { if case .startPoll(let request) = $0 { request } else { nil } }
  }

  @Test func enterOnAMetricOpensItsChartWhichPollsAloneUntilEscPopsIt() {
    var harness = Self.onMetrics()
    harness.press(.drillIn)

    let query = MetricHistoryQuery(scope: .run(id(1_002)), name: "loss", buckets: 10)
    #expect(harness.state.inputMode == .chart)
    #expect(harness.state.chart?.owner == "run #2 of market-analysis")
    #expect(Self.started(harness.effects) == [.chart(query)])
    #expect(harness.state.polled == [.chart, .health])
    #expect(harness.state.breadcrumb.last == "loss")

    harness.press(.back)
    #expect(harness.state.inputMode == .panes)
    #expect(harness.effects.contains(.stopPoll(.chart)))
    #expect(!harness.state.polled.contains(.chart))
    #expect(harness.state.polled.contains(.metrics))
  }

  @Test func aTaskScopedMetricsPaneChartsTheTask() {
    var harness = Self.onTaskMetrics()
    harness.press(.drillIn)

    #expect(harness.chartQuery == MetricHistoryQuery(scope: .task(id(1)), name: "queue depth", buckets: 10))
    #expect(harness.state.chart?.owner == "market-analysis")
  }

  @Test func theCursorFollowsTheNewestBucketUntilMovedAndStaysInTheWindow() {
    var harness = Self.onMetrics()
    harness.press(.drillIn)
    harness.loadChart(history([1, 2, 3, nil, 5, 6, nil, nil, nil, nil]))
    #expect(harness.state.chart?.cursorBucket == 5)

    harness.press(.cursorLeft, .cursorLeft)
    #expect(harness.state.chart?.cursorBucket == 3)
    for _ in 0..<12 { harness.press(.cursorRight) }
    #expect(harness.state.chart?.cursorBucket == 9)
    for _ in 0..<12 { harness.press(.cursorLeft) }
    #expect(harness.state.chart?.cursorBucket == 0)
  }

  @Test func zoomHalvesTheTimeAroundTheCursorAndReadsFinerBuckets() {
    var harness = Self.onMetrics()
    harness.press(.drillIn)
    // Ten buckets of one second: the whole series is [0 s, 10 s) from its first point.
    harness.loadChart(history(Array(0..<10).map(Double.init)))
    harness.press(.cursorLeft, .cursorLeft, .cursorLeft, .cursorLeft)  // bucket 5, centred at 5.5 s

    harness.press(.zoomIn)
    #expect(harness.chartQuery?.from == .seconds(2.75))
    #expect(harness.chartQuery?.to == .seconds(7.75))
    #expect(harness.chartQuery?.buckets == 10)
    #expect(harness.state.chart?.cursor == 5, "the cursor keeps its column")

    harness.press(.zoomOut)
    #expect(harness.chartQuery?.from == nil, "zooming out to the whole series follows it again")
    harness.press(.zoomIn, .zoomIn)
    #expect(harness.chartQuery?.from != nil)
    harness.press(.resetZoom)
    #expect(harness.chartQuery == MetricHistoryQuery(scope: .run(id(1_002)), name: "loss", buckets: 10))
  }

  @Test func zoomStopsAtAMillisecondPerBucketAndStaysInsideTheSeries() {
    var harness = Self.onMetrics()
    harness.press(.drillIn)
    harness.loadChart(history(Array(0..<10).map(Double.init)))
    for _ in 0..<30 { harness.press(.zoomIn) }
    let query = harness.chartQuery
    #expect(query?.to.map { $0 - (query?.from ?? .zero) } == .milliseconds(10))
    #expect((query?.from ?? .zero) >= .zero)
  }

  @Test func lTogglesTheLogScale() {
    var harness = Self.onMetrics()
    harness.press(.drillIn)
    harness.press(.toggleLogScale)
    #expect(harness.state.chart?.isLogScale == true)
    harness.press(.toggleLogScale)
    #expect(harness.state.chart?.isLogScale == false)
  }

  @Test func oOverlaysThePreviousRunOverTheSameWindowFromItsOwnStart() {
    var harness = Self.onMetrics()
    harness.press(.drillIn)
    harness.press(.toggleOverlay)
    #expect(harness.overlayQuery == nil, "the previous run is not known before the series arrives")

    harness.loadChart(history(Array(0..<10).map(Double.init), previousRun: id(1_001)))
    #expect(
      harness.overlayQuery
        == MetricHistoryQuery(scope: .run(id(1_001)), name: "loss", from: .zero, to: .seconds(10), buckets: 10))
    #expect(Self.started(harness.effects) == [.chartOverlay(harness.overlayQuery!)])
    harness.loadOverlay(history([4, 4, 4], previousRun: nil))
    #expect(harness.state.chart?.overlay.value?.buckets.count == 3)

    harness.press(.zoomIn)
    #expect(harness.overlayQuery?.from == harness.chartQuery?.from)
    #expect(harness.overlayQuery?.to == harness.chartQuery?.to)

    harness.press(.toggleOverlay)
    #expect(harness.effects.contains(.stopPoll(.chartOverlay)))
    #expect(harness.state.chart?.overlay == .idle)
  }

  @Test func aTaskChartHasNoOverlay() {
    var harness = Self.onTaskMetrics()
    harness.press(.drillIn, .toggleOverlay)
    #expect(harness.state.chart?.showsOverlay == false)
  }

  @Test func theChartGrowsWithEachPollAndKeepsItsLastSeriesWhenAPollFails() {
    var harness = Self.onMetrics()
    harness.press(.drillIn)
    harness.loadChart(history([1, 2, nil, nil, nil, nil, nil, nil, nil, nil]), at: at(1))
    harness.loadChart(history([1, 2, 3, 4, nil, nil, nil, nil, nil, nil]), at: at(2))
    #expect(harness.state.chart?.cursorBucket == 3)

    harness.fail(.chart, .connection("gone"), at: at(3))
    #expect(harness.state.chart?.history.isStale == true)
    #expect(harness.state.chart?.history.value?.buckets.count == 4)
  }

  @Test func pauseStopsTheChartsPollAndResumeStartsIt() {
    var harness = Self.onMetrics()
    harness.press(.drillIn)
    harness.press(.togglePause)
    #expect(harness.effects.contains(.stopPoll(.chart)))
    harness.press(.togglePause)
    #expect(Self.started(harness.effects).contains { $0.slot == .chart })
  }
}
