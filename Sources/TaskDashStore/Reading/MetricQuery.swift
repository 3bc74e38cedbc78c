import Foundation

/// The metrics of one run or one task, each with its most recent points.
public struct MetricQuery: Hashable, Sendable {
  /// `.run` or `.task`; `.all` is refused by the stores.
  public var scope: Scope
  /// How many recent points each series carries (the sparkline's width).
  public var points: Int
  /// At most this many metric names, alphabetically.
  public var maxSeries: Int

  /// Creates a query.
  public init(scope: Scope, points: Int = 60, maxSeries: Int = 50) {
    self.scope = scope
    self.points = points
    self.maxSeries = maxSeries
  }
}
