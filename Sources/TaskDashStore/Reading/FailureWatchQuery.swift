import Foundation

/// The runs that failed or timed out since a moment, most recently changed first: what the
/// dashboard's notifications watch.
///
/// A run is found by the time its row last changed (`updated_at`, kept by the database on every
/// update), not by when it was created, so a run that started hours ago and fails now is found
/// at once. A partial index over failed and timed-out runs answers it, whatever the table size.
public struct FailureWatchQuery: Hashable, Sendable {
  /// Only runs whose row changed after this moment.
  public var since: Date
  /// All runs, or one task's.
  public var taskID: UUID?
  /// At most this many runs, the most recently changed.
  public var limit: Int

  /// Creates a query.
  public init(since: Date, taskID: UUID? = nil, limit: Int = 100) {
    self.since = since
    self.taskID = taskID
    self.limit = limit
  }
}
