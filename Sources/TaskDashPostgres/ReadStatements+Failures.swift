import Foundation
import TaskDashStore

extension ReadStatements {
  /// The runs that failed or timed out after `since`, most recently changed first, in the
  /// columns `runRow` decodes. The status list repeats the partial index's predicate so that
  /// the planner can use it (task_runs_failed_updated_idx).
  static func recentFailures(_ query: FailureWatchQuery) -> PostgresStatement {
    var parameters: [String?] = [PostgresText.timestamp(query.since)]
    var conditions = ["r.status IN ('failed', 'timeout')", "r.updated_at > $1::timestamptz"]
    if let taskID = query.taskID {
      parameters.append(taskID.uuidString)
      conditions.append("r.task_id = $\(parameters.count)")
    }
    parameters.append(String(clamped(query.limit)))
    let sql = """
      SELECT \(runColumns)
        FROM task_runs r\(whereClause(conditions))
       ORDER BY r.updated_at DESC, r.id DESC
       LIMIT $\(parameters.count)
      """
    return PostgresStatement(sql, parameters)
  }
}
