import TaskDashModel

extension FailureGroup: PaneRow {
  /// Largest first, as the store returns them.
  public static var defaultSort: FailureGroupSort { .largest }

  /// Matches on the pattern, the example and the task names.
  public func matches(filter: String) -> Bool {
    pattern.containsLowercased(filter) || example.containsLowercased(filter)
      || taskNames.contains { $0.containsLowercased(filter) }
  }

  /// The store's order: there is one.
  public static func sorted(_ rows: [FailureGroup], by sort: FailureGroupSort) -> [FailureGroup] {
    rows
  }
}
