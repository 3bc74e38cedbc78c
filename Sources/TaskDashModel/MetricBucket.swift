import Foundation

/// One time bucket of a metric's history, reduced in the database: a chart draws one per dot
/// column, from `min` to `max`, so a single extreme point among many ordinary ones stays visible.
public struct MetricBucket: Hashable, Sendable {
  /// The bucket's place in its window, 0 first.
  public var index: Int
  /// Every point in the bucket, non-finite values (NaN, ±infinity) included.
  public var count: Int
  /// The smallest finite value; nil when no value in the bucket is finite.
  public var min: Double?
  /// The largest finite value; nil when no value in the bucket is finite.
  public var max: Double?
  /// The value of the newest point (by time, then id), as stored: it may be NaN or infinite.
  public var last: Double
  /// When the bucket's oldest point was taken.
  public var firstAt: Date
  /// When the bucket's newest point was taken.
  public var lastAt: Date

  /// Creates a bucket.
  public init(index: Int, count: Int, min: Double?, max: Double?, last: Double, firstAt: Date, lastAt: Date) {
    self.index = index
    self.count = count
    self.min = min
    self.max = max
    self.last = last
    self.firstAt = firstAt
    self.lastAt = lastAt
  }
}
