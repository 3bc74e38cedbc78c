extension SQLiteReaderSQL {
  /// The runs that failed or timed out after `:since`, most recently changed first, in the
  /// columns of `runs`. The status list repeats the partial index's predicate, which is what
  /// lets SQLite use it; it is named because the planner, which has no statistics on the
  /// partial index, preferred walking every failure of (status, created_at) and sorting.
  ///
  /// An external schema's view has no such index (`indexed` false): it is read as the view
  /// allows.
  ///
  /// Parameters: `:since`, `:task` when `byTask`, and `:limit`.
  static func recentFailures(byTask: Bool, indexed: Bool = true) -> String {
    var conditions = ["r.status IN ('failed', 'timeout')", "r.updated_at > :since"]
    if byTask { conditions.append("r.task_id = :task") }
    let index = byTask ? "task_runs_task_failed_updated" : "task_runs_failed_updated"
    return """
      SELECT r.id, r.task_id, t.name, r.run_number, r.status, r.started_at, r.completed_at,
        r.duration, r.error_message, r.created_at
      FROM task_runs r\(indexed ? " INDEXED BY \(index)" : "") LEFT JOIN tasks t ON t.id = r.task_id
      \(whereClause(conditions))
      ORDER BY r.updated_at DESC, r.id DESC
      LIMIT :limit
      """
  }
}
