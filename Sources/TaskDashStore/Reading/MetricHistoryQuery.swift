import Foundation

/// One metric of a run or task, bucketed over a window of its time: what a full-size chart reads.
///
/// The window is measured from the series' own first point, so a zoomed window stays put while
/// a running run adds points, and the same window read for another run lines the two runs up by
/// time since their start.
public struct MetricHistoryQuery: Hashable, Sendable {
  /// The most buckets one read may ask for.
  public static let maximumBuckets = 1_000

  /// `.run` or `.task`; `.all` is refused by the stores.
  public var scope: Scope
  /// The metric's name.
  public var name: String
  /// The window's start, as time since the series' first point; nil: the first point.
  public var from: Duration?
  /// The window's end (excluded), as time since the series' first point; nil: just after the
  /// newest point.
  public var to: Duration?
  /// How many buckets of equal width split the window (one per dot column of the chart).
  public var buckets: Int

  /// Creates a query.
  public init(scope: Scope, name: String, from: Duration? = nil, to: Duration? = nil, buckets: Int) {
    self.scope = scope
    self.name = name
    self.from = from
    self.to = to
    self.buckets = buckets
  }
}
