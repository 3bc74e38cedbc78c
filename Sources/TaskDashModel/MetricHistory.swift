import Foundation

/// A metric's series over a time window, as buckets of equal width, with what a chart needs to
/// choose its window: the whole series' first and last times, its type and unit.
public struct MetricHistory: Hashable, Sendable {
  /// The metric's name.
  public var name: String
  /// The newest point's type; nil for a series with no points.
  public var metricType: Lenient<MetricType>?
  /// The newest point's unit.
  public var unit: String?
  /// When the series' oldest point was taken; nil for a series with no points.
  public var first: Date?
  /// When the series' newest point was taken; nil for a series with no points.
  public var last: Date?
  /// The start of the window the buckets split; nil when there was nothing to split.
  public var from: Date?
  /// The end (excluded) of the window; nil when there was nothing to split.
  public var to: Date?
  /// How many buckets the window was split into (the empty ones are not in `buckets`).
  public var bucketCount: Int
  /// The buckets that hold points, by index.
  public var buckets: [MetricBucket]
  /// For a run's series, the run before it in run-number order of the same task, if any.
  public var previousRunID: UUID?

  /// Creates a history.
  public init(
    name: String, metricType: Lenient<MetricType>? = nil, unit: String? = nil, first: Date? = nil,
    last: Date? = nil, from: Date? = nil, to: Date? = nil, bucketCount: Int = 0, buckets: [MetricBucket] = [],
    previousRunID: UUID? = nil
  ) {
    self.name = name
    self.metricType = metricType
    self.unit = unit
    self.first = first
    self.last = last
    self.from = from
    self.to = to
    self.bucketCount = bucketCount
    self.buckets = buckets
    self.previousRunID = previousRunID
  }
}
