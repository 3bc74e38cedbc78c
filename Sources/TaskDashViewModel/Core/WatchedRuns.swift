import TaskDashModel

/// What one watch poll reads for alerts: the runs that failed or timed out since alerts were
/// switched on, and the runs running now with what the silence rule needs.
public struct WatchedRuns: Hashable, Sendable {
  /// Failed and timed-out runs, the most recently changed first.
  public var failed: [RunRow]
  /// Running runs, newest first, each with its last sign of activity.
  public var running: [RunRow]

  /// Creates an answer.
  public init(failed: [RunRow] = [], running: [RunRow] = []) {
    self.failed = failed
    self.running = running
  }
}
