import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashViewModel

extension DashboardDriver {
  /// Answers the chart's current read with `history`.
  public mutating func loadChart(_ history: MetricHistory, at date: Date = t0) {
    guard let request = state.requests[.chart] else { return }
    send(.loaded(.history(request, history), at: date))
  }

  /// Answers the chart overlay's current read with `history`.
  public mutating func loadOverlay(_ history: MetricHistory, at date: Date = t0) {
    guard let request = state.requests[.chartOverlay] else { return }
    send(.loaded(.history(request, history), at: date))
  }

  /// The chart's current query, if a chart is polled.
  public var chartQuery: MetricHistoryQuery? {
    if case .chart(let query)? = state.requests[.chart] { return query }
    return nil
  }

  /// The overlay's current query, if the overlay is polled.
  public var overlayQuery: MetricHistoryQuery? {
    if case .chartOverlay(let query)? = state.requests[.chartOverlay] { return query }
    return nil
  }
}

/// A history of `values`, one bucket per value (nil: a bucket without points), one second
/// apart from `start`, each bucket's min, max and last the value; `spikes` replaces a bucket's
/// max.
public func history(
  _ values: [Double?], name: String = "loss", unit: String? = "ratio", start: Date = at(-600),
  spikes: [Int: Double] = [:], previousRun: UUID? = nil
) -> MetricHistory {
  let buckets = values.enumerated().compactMap { index, value -> MetricBucket? in
    guard let value else { return nil }
    let time = start.addingTimeInterval(Double(index))
    return MetricBucket(
      index: index, count: 1, min: value, max: spikes[index] ?? value, last: value, firstAt: time, lastAt: time)
  }
  let lastIndex = buckets.last?.index ?? 0
  return MetricHistory(
    name: name, metricType: .known(.gauge), unit: unit, first: start,
    last: start.addingTimeInterval(Double(lastIndex)), from: start,
    to: start.addingTimeInterval(Double(values.count)), bucketCount: values.count, buckets: buckets,
    previousRunID: previousRun)
}
