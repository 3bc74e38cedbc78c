import Foundation

/// The edges of a history read's buckets, in whole ticks of a backend's timestamp resolution
/// (microseconds in PostgreSQL, milliseconds in SQLite), so both backends split a window the
/// same way and a point on an edge belongs to the bucket that starts there. A window shorter
/// than its bucket count in ticks leaves buckets empty rather than stretching time.
///
/// Buckets a minute wide or wider have their edges moved to whole UTC minutes (the first down,
/// the last up, the others to the nearest), so a backend that keeps each series' minutes
/// already reduced can answer from those instead of from every point. Such buckets differ in
/// width by at most a minute, a small part of a column.
public struct BucketGrid: Hashable, Sendable {
  /// Ticks per second of the backend's timestamps.
  public let ticksPerSecond: Int64
  /// `buckets + 1` increasing edges; bucket `i` holds the points in `[edges[i], edges[i + 1])`.
  public let edges: [Int64]
  /// Whether every edge is a whole minute.
  public let wholeMinutes: Bool

  /// The grid of `query` over a series whose points run from `first` to `last`, or nil when the
  /// window is empty (its end is not after its start).
  public init?(_ query: MetricHistoryQuery, first: Date, last: Date, ticksPerSecond: Int64) {
    self.ticksPerSecond = ticksPerSecond
    let origin = Self.ticks(first.timeIntervalSince1970, ticksPerSecond)
    let start = origin + Self.ticks(query.from ?? .zero, ticksPerSecond)
    // Just after the newest point: the window's end is excluded.
    let end =
      query.to.map { origin + Self.ticks($0, ticksPerSecond) } ?? Self.ticks(
        last.timeIntervalSince1970, ticksPerSecond) + 1
    guard end > start else { return nil }
    let count = Int64(min(max(query.buckets, 1), MetricHistoryQuery.maximumBuckets))
    let span = end - start
    // Edge i is start + ⌈span × i / count⌉, so a point at t is in bucket ⌊(t - start) × count /
    // span⌋; written as (span / count) × i + ⌈(span % count) × i / count⌉ to stay in 64 bits.
    let even = (0...count).map { start + span / count * $0 + (span % count * $0 + count - 1) / count }
    let minute = 60 * ticksPerSecond
    wholeMinutes = span / count >= minute
    guard wholeMinutes else {
      edges = even
      return
    }
    // Edges at least a minute apart stay strictly increasing when each moves to a minute.
    edges = even.indices.map { index in
      let edge = even[index]
      let down = edge - Self.remainder(edge, minute)
      if index == 0 || down == edge { return down }
      if index == even.count - 1 { return down + minute }
      return Self.remainder(edge, minute) * 2 >= minute ? down + minute : down
    }
  }

  /// How many buckets the grid has.
  public var bucketCount: Int { edges.count - 1 }

  /// The date of an edge.
  public func date(_ edge: Int) -> Date {
    Date(timeIntervalSince1970: Double(edges[edge]) / Double(ticksPerSecond))
  }

  /// The remainder of a floored division: never negative, also for times before 1970.
  private static func remainder(_ value: Int64, _ divisor: Int64) -> Int64 {
    (value % divisor + divisor) % divisor
  }

  private static func ticks(_ seconds: Double, _ perSecond: Int64) -> Int64 {
    Int64((seconds * Double(perSecond)).rounded())
  }

  private static func ticks(_ duration: Duration, _ perSecond: Int64) -> Int64 {
    let parts = duration.components
    return parts.seconds * perSecond + parts.attoseconds / (1_000_000_000_000_000_000 / perSecond)
  }
}
