import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import TaskDashViewModel

/// A metric's chart in the situations the frame tests draw.
extension Scenes {
  /// Latencies around 800 ms, one bucket per dot column, with one bucket whose max is 9,999.
  static func latencies(buckets: Int, previousRun: UUID? = id(1_011)) -> MetricHistory {
    let values = (0..<buckets).map { 800 + 100 * sin(Double($0) / 6) }.map { ($0 * 10).rounded() / 10 }
    return history(
      values.map(Optional.some), name: "latency_p95", unit: "ms", start: at(-600), spikes: [buckets * 2 / 3: 9_999],
      previousRun: previousRun)
  }

  /// Enter on the run's latency metric: its chart, with the spike, drawn a few seconds later.
  static func chart(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = run(width, height)
    while dashboard.state.focus != .metrics { dashboard.press(.focusNext) }
    dashboard.press(.moveDown, .drillIn)
    dashboard.loadChart(latencies(buckets: dashboard.chartQuery?.buckets ?? 0), at: at(7))
    dashboard.send(.tick(at(8)))
    return dashboard
  }

  /// The chart on a log scale.
  static func logChart(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = chart(width, height)
    dashboard.press(.toggleLogScale)
    return dashboard
  }

  /// The chart with its cursor moved ten columns left of the newest bucket.
  static func chartCursor(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = chart(width, height)
    for _ in 0..<10 { dashboard.press(.cursorLeft) }
    return dashboard
  }

  /// The chart with the previous run's series overlaid: flat at 500 ms over the first half.
  static func overlayChart(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = chart(width, height)
    dashboard.press(.toggleOverlay)
    let buckets = dashboard.overlayQuery?.buckets ?? 0
    let previous = (0..<buckets).map { $0 < buckets / 2 ? 500.0 : nil }
    dashboard.loadOverlay(
      history(previous, name: "latency_p95", unit: "ms", start: at(-4_000), previousRun: nil), at: at(7))
    return dashboard
  }
}
