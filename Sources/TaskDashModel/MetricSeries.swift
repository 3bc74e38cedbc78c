import Foundation

/// One metric of a run or task: its latest value and its most recent points, oldest first.
public struct MetricSeries: Hashable, Sendable, Identifiable {
  public var name: String
  public var metricType: Lenient<MetricType>
  public var unit: String?
  /// The most recent points, oldest first; the last one is the latest value.
  public var points: [Double]
  /// When the latest point was taken.
  public var latestAt: Date

  /// Creates a series.
  public init(
    name: String, metricType: Lenient<MetricType>, unit: String?, points: [Double], latestAt: Date
  ) {
    self.name = name
    self.metricType = metricType
    self.unit = unit
    self.points = points
    self.latestAt = latestAt
  }

  public var id: String { name }

  /// The latest value, or nil for a series with no points.
  public var latest: Double? { points.last }
}
