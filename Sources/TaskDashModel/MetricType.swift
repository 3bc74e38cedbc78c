/// How a metric's values are to be read (the `metric_snapshots.metric_type` column).
public enum MetricType: String, CaseIterable, Hashable, Sendable, Codable {
  case counter, gauge, histogram, timer
}
