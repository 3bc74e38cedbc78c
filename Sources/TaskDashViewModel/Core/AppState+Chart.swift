import Foundation
import TaskDashModel
import TaskDashStore

// MARK: - A metric's chart

extension AppState {
  /// The chart in view (under help, if that is open).
  public var chart: ChartState? {
    if case .chart(let chart) = screenInView { return chart }
    return nil
  }

  /// Changes the chart in view, if there is one.
  mutating func updateChart(_ change: (inout ChartState) -> Void) {
    guard let index = stack.lastIndex(where: { $0 != .help }), case .chart(var chart) = stack[index] else { return }
    change(&chart)
    stack[index] = .chart(chart)
  }

  /// Enter on the metrics pane: the selected metric's chart, of the run the pane shows or, when
  /// the pane is scoped to a task, of the task.
  mutating func openChart() {
    guard let series = metrics.selectedRow, let scope = detailScope else { return }
    let owner: String
    switch scope {
    case .run(let id):
      if let row = runs.data.value?.first(where: { $0.id == id }) {
        owner = "run #\(row.runNumber) of \(row.taskName)"
      } else {
        // A drilled run that left the runs pane's page: its breadcrumb says the same.
        owner = levels.reversed().map(\.title).joined(separator: " of ")
      }
    case .task, .all:
      owner = levels.first?.title ?? ""
    }
    push(.chart(ChartState(scope: scope, name: series.name, owner: owner)))
  }

  /// Keys on a chart.
  mutating func performInChart(_ action: Action) -> [Effect]? {
    switch action {
    case .cursorLeft: updateChart { $0.moveCursor(by: -1) }
    case .cursorRight: updateChart { $0.moveCursor(by: 1) }
    case .toggleLogScale: updateChart { $0.toggleLogScale() }
    case .zoomIn: updateChart { $0.zoom(in: true) }
    case .zoomOut: updateChart { $0.zoom(in: false) }
    case .resetZoom: updateChart { $0.resetZoom() }
    case .toggleOverlay: updateChart { $0.toggleOverlay() }
    case .back: pop()
    case .refreshNow: return refreshPolls()
    default: return nil
    }
    return []
  }

  /// The chart's request in view, one bucket per dot column of its plot.
  var desiredChartRequest: PollRequest? {
    chart.map { .chart($0.query(buckets: chartBuckets)) }
  }

  /// The overlay's request in view, when the overlay is on and the previous run is known.
  var desiredOverlayRequest: PollRequest? {
    chart?.overlayQuery(buckets: chartBuckets).map(PollRequest.chartOverlay)
  }

  /// Buckets per read: the plot's dot columns, or two per text column before the UI says.
  private var chartBuckets: Int {
    layout.chartColumns > 0 ? layout.chartColumns : max(1, layout.viewerColumns * 2)
  }
}
