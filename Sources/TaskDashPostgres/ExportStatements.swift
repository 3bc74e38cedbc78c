import TaskDashModel
import TaskDashStore

/// The one statement an export streams, its columns as text in `ExportKind.columns` order.
///
/// Times are formatted in SQL as the schema's UTC text (SQLite stores that form), so both
/// backends write the same bytes; numbers are PostgreSQL's shortest exact text.
enum ExportStatements {
  static func statement(_ request: ExportRequest) -> PostgresStatement {
    var parameters: [String?] = []
    func bind(_ value: String) -> String {
      parameters.append(value)
      return "$\(parameters.count)"
    }
    let since = request.since.map { bind(PostgresText.timestamp($0)) + "::timestamptz" }
    let task = request.taskID.map { bind($0.uuidString) + "::uuid" }
    var conditions: [String] = []
    let sql: String
    switch request.kind {
    case .runs:
      if let task { conditions.append("r.task_id = \(task)") }
      if let since { conditions.append("r.created_at >= \(since)") }
      let (from, filter) = matchingRuns(request.filter, &parameters)
      conditions += filter
      sql = """
        SELECT r.id::text, r.task_id::text, (SELECT t.name FROM tasks t WHERE t.id = r.task_id), r.run_number::text,
               r.status, \(text("r.started_at")), \(text("r.completed_at")), r.duration::text, r.error_message,
               \(text("r.created_at")), \(text("r.updated_at"))
          FROM \(from)\(ReadStatements.whereClause(conditions))
         ORDER BY r.created_at DESC, r.id DESC
        """
    case .metrics:
      if let task { conditions.append("s.task_id = \(task)") }
      if let since { conditions.append("s.\"timestamp\" >= \(since)") }
      if !request.filter.terms.isEmpty {
        conditions.append("s.task_run_id IN (\(runIDs(request.filter, &parameters)))")
      }
      sql = """
        SELECT s.id::text, s.task_id::text, s.task_run_id::text, s.name, s.metric_type, s.value::text, s.unit,
               s.labels::text, \(text("s.\"timestamp\""))
          FROM metric_snapshots s\(ReadStatements.whereClause(conditions))
        """
    case .artifacts:
      if let task { conditions.append("x.task_id = \(task)") }
      if let since { conditions.append("x.created_at >= \(since)") }
      if !request.filter.terms.isEmpty {
        conditions.append("x.task_run_id IN (\(runIDs(request.filter, &parameters)))")
      }
      sql = """
        SELECT x.id::text, x.task_id::text, x.task_run_id::text, x.name, x.artifact_type, x.file_path,
               x.file_size::text, x.file_hash, x.content_type, octet_length(x.content)::text, x.metadata::text,
               \(text("x.created_at"))
          FROM artifacts x\(ReadStatements.whereClause(conditions))
         ORDER BY x.created_at DESC, x.id DESC
        """
    }
    return PostgresStatement(sql, parameters)
  }

  /// The runs relation aliased `r` and the conditions the filter puts on it; with a filter the
  /// silence rule's activity joins as `a`, which its `silent` term reads.
  private static func matchingRuns(_ filter: FilterQuery, _ parameters: inout [String?]) -> (String, [String]) {
    guard !filter.terms.isEmpty else { return ("task_runs r", []) }
    parameters.append(String(RunActivity.medianWindow))
    let window = "$\(parameters.count)"
    let conditions = FilterSQL.runConditions(filter, &parameters)
    return (
      "task_runs r CROSS JOIN LATERAL (\(SilenceSQL.activity(of: "r", window: window))) a",
      conditions.indexed + conditions.others
    )
  }

  /// The ids of the runs the filter matches.
  private static func runIDs(_ filter: FilterQuery, _ parameters: inout [String?]) -> String {
    let (from, conditions) = matchingRuns(filter, &parameters)
    return "SELECT r.id FROM \(from)\(ReadStatements.whereClause(conditions))"
  }

  /// A time column as the schema's UTC text, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  private static func text(_ column: String) -> String {
    "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
  }

}
