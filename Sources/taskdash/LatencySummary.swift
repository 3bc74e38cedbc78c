import TaskDashViewModel

/// Median, 95th percentile, minimum and maximum of a set of timings, in milliseconds.
struct LatencySummary {
  var median: Double
  var p95: Double
  var min: Double
  var max: Double

  /// Summarises `durations`; nil when there are none.
  init?(_ durations: [Duration]) {
    guard !durations.isEmpty else { return nil }
    let sorted = durations.map(Self.milliseconds).sorted()
    let middle = sorted.count / 2
    median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    // Nearest rank: the smallest value with at least 95 % of the samples at or below it.
    let rank = (sorted.count * 95 + 99) / 100
    p95 = sorted[rank - 1]
    min = sorted[0]
    max = sorted[sorted.count - 1]
  }

  /// The four figures as fixed-width columns.
  var columns: String {
    [median, p95, min, max].map { Self.padded(DisplayFormat.decimal($0, 3), 10) }.joined()
  }

  static func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
  }

  static func padded(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: Swift.max(0, width - text.count)) + text
  }
}
