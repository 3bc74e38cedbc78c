import TaskDashModel
import TaskDashStore

extension RunRow: PaneRow {
  /// Newest first, as the store returns them.
  public static var defaultSort: RunSort { .newest }

  /// Matches on the task name, the run number ("#3" or "3"), the status and the error.
  public func matches(filter: String) -> Bool {
    taskName.containsLowercased(filter) || "#\(runNumber)".contains(filter)
      || status.rawValue.containsLowercased(filter) || (errorMessage?.containsLowercased(filter) ?? false)
  }

  /// Plain words as `matches` does; a query with other terms is the store's to apply.
  public static func clientMatch(for filter: String) -> (@Sendable (RunRow) -> Bool)? {
    plainWordMatch(for: filter, scope: .runs)
  }

  /// `rows` in `sort` order; ties keep the store's order.
  public static func sorted(_ rows: [RunRow], by sort: RunSort) -> [RunRow] {
    let indexed = Array(rows.enumerated())
    let ordered: [(offset: Int, element: RunRow)]
    switch sort {
    case .newest:
      return rows
    case .status:
      ordered = indexed.sorted {
        ($0.element.status.rawValue, $0.offset) < ($1.element.status.rawValue, $1.offset)
      }
    case .duration:
      ordered = indexed.sorted {
        let left = $0.element.duration ?? -.infinity
        let right = $1.element.duration ?? -.infinity
        return left != right ? left > right : $0.offset < $1.offset
      }
    }
    return ordered.map(\.element)
  }
}
