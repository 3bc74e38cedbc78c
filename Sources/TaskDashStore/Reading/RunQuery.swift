import Foundation
import TaskDashModel

/// A keyset page of runs, newest first.
public struct RunQuery: Hashable, Sendable {
  /// All runs, or one task's (`.run` is not valid here).
  public var taskID: UUID?
  /// Only runs in this status; nil matches every status.
  public var status: RunStatus?
  /// Continue after this row; nil starts at the newest run.
  public var after: PageCursor?
  public var limit: Int
  /// The operator's `/` filter; empty matches every run.
  public var filter: FilterQuery

  /// Creates a query.
  public init(
    taskID: UUID? = nil, status: RunStatus? = nil, after: PageCursor? = nil, limit: Int = 100,
    filter: FilterQuery = FilterQuery()
  ) {
    self.taskID = taskID
    self.status = status
    self.after = after
    self.limit = limit
    self.filter = filter
  }
}
