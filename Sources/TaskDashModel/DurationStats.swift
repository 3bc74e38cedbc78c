/// The durations of a task's latest completed runs, as nearest-rank percentiles.
///
/// Nearest rank is SQL's `percentile_disc`: p50 is the smallest duration that at least half of
/// the runs do not exceed, so every figure is the duration of a real run.
public struct DurationStats: Hashable, Sendable {
  /// How many completed runs with a duration the figures cover (at most the bound asked for).
  public var count: Int
  /// Seconds.
  public var p50: Double
  /// Seconds.
  public var p95: Double
  /// Seconds.
  public var max: Double

  /// Creates the figures.
  public init(count: Int, p50: Double, p95: Double, max: Double) {
    self.count = count
    self.p50 = p50
    self.p95 = p95
    self.max = max
  }
}
