import Foundation

/// One metric of a run summed up for a comparison: its newest value and the range of its
/// newest points, computed in the database.
public struct MetricSummary: Hashable, Sendable, Identifiable {
  /// The metric's name.
  public var name: String
  /// The newest point's type.
  public var metricType: Lenient<MetricType>
  /// The newest point's unit.
  public var unit: String?
  /// The newest value.
  public var last: Double
  /// When the newest value was taken.
  public var lastAt: Date
  /// The smallest of the points summed up.
  public var min: Double
  /// The largest of the points summed up.
  public var max: Double
  /// How many points `min` and `max` cover: the run's points of this name, up to the read's
  /// bound (a bound reached means the range covers only the newest points).
  public var points: Int

  /// Creates a summary.
  public init(
    name: String, metricType: Lenient<MetricType>, unit: String?, last: Double, lastAt: Date, min: Double,
    max: Double, points: Int
  ) {
    self.name = name
    self.metricType = metricType
    self.unit = unit
    self.last = last
    self.lastAt = lastAt
    self.min = min
    self.max = max
    self.points = points
  }

  /// The name: one summary per name and run.
  public var id: String { name }
}
