import TaskDashModel
import TaskDashStore

extension TaskQuery.Sort: PaneSort {
  /// The name shown in the pane header.
  public var title: String { rawValue }
}

extension TaskRow: PaneRow {
  /// Most recently active first.
  public static var defaultSort: TaskQuery.Sort { .lastActivity }

  /// Matches on the name, as a plain word of the store's filter does.
  public func matches(filter: String) -> Bool {
    task.name.containsLowercased(filter)
  }

  /// Plain words as `matches` does; a query with other terms is the store's to apply.
  public static func clientMatch(for filter: String) -> (@Sendable (TaskRow) -> Bool)? {
    plainWordMatch(for: filter, scope: .tasks)
  }

  /// The store sorts tasks (the order is part of `TaskQuery`), so rows keep its order.
  public static func sorted(_ rows: [TaskRow], by sort: TaskQuery.Sort) -> [TaskRow] {
    rows
  }
}
