import TaskDashModel

/// Which tasks to list, in which order, and how many.
public struct TaskQuery: Hashable, Sendable {
  /// The orders the tasks pane cycles through with `s`.
  public enum Sort: String, CaseIterable, Hashable, Sendable {
    /// By name, A to Z.
    case name
    /// By status, then name.
    case status
    /// Most recently active first (newest run, else last update).
    case lastActivity = "last-activity"
  }

  public var sort: Sort
  public var limit: Int
  /// The operator's `/` filter (a name's substring, `status:`, …); empty matches every task.
  public var filter: FilterQuery

  /// Creates a query.
  public init(sort: Sort = .lastActivity, limit: Int = 200, filter: FilterQuery = FilterQuery()) {
    self.sort = sort
    self.limit = limit
    self.filter = filter
  }
}
