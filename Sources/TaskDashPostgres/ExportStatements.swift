import TaskDashModel
import TaskDashStore

/// The one statement an export streams, its columns as text in `ExportKind.columns` order.
///
/// Times are formatted in SQL as the schema's UTC text (SQLite stores that form), so both
/// backends write the same bytes; numbers are PostgreSQL's shortest exact text.
enum ExportStatements {
  static func statement(_ request: ExportRequest) -> PostgresStatement {
    var parameters: [String?] = []
    let alias = alias(request.kind)
    var from = table(request.kind) + " " + alias
    var conditions: [String] = []
    if let taskID = request.taskID {
      parameters.append(taskID.uuidString)
      conditions.append("\(alias).task_id = $\(parameters.count)::uuid")
    }
    if let since = request.since {
      parameters.append(PostgresText.timestamp(since))
      conditions.append("\(timeColumn(request.kind)) >= $\(parameters.count)::timestamptz")
    }
    if !request.filter.terms.isEmpty {
      let (runs, matching) = matchingRuns(request.filter, &parameters)
      if request.kind == .runs {
        from = runs
        conditions += matching
      } else {
        conditions.append(
          "\(alias).task_run_id IN (SELECT r.id FROM \(runs)\(ReadStatements.whereClause(matching)))")
      }
    }
    let order = request.kind == .metrics ? "" : "\n ORDER BY \(alias).created_at DESC, \(alias).id DESC"
    let sql = "SELECT \(columns(request.kind))\n  FROM \(from)\(ReadStatements.whereClause(conditions))\(order)"
    return PostgresStatement(sql, parameters)
  }

  /// The table each kind reads.
  private static func table(_ kind: ExportKind) -> String {
    switch kind {
    case .runs: "task_runs"
    case .metrics: "metric_snapshots"
    case .artifacts: "artifacts"
    }
  }

  /// Its alias; artifacts are `x`, because the silence activity a filter joins is `a`.
  private static func alias(_ kind: ExportKind) -> String {
    switch kind {
    case .runs: "r"
    case .metrics: "s"
    case .artifacts: "x"
    }
  }

  /// The column `--since` bounds.
  private static func timeColumn(_ kind: ExportKind) -> String {
    kind == .metrics ? "s.\"timestamp\"" : "\(alias(kind)).created_at"
  }

  private static func columns(_ kind: ExportKind) -> String {
    switch kind {
    case .runs:
      """
      r.id::text, r.task_id::text, (SELECT t.name FROM tasks t WHERE t.id = r.task_id), r.run_number::text,
             r.status, \(text("r.started_at")), \(text("r.completed_at")), r.duration::text, r.error_message,
             \(text("r.created_at")), \(text("r.updated_at"))
      """
    case .metrics:
      """
      s.id::text, s.task_id::text, s.task_run_id::text, s.name, s.metric_type, s.value::text, s.unit,
             s.labels::text, \(text("s.\"timestamp\""))
      """
    case .artifacts:
      """
      x.id::text, x.task_id::text, x.task_run_id::text, x.name, x.artifact_type, x.file_path,
             x.file_size::text, x.file_hash, x.content_type, octet_length(x.content)::text, x.metadata::text,
             \(text("x.created_at"))
      """
    }
  }

  /// The runs relation aliased `r` and the conditions the filter puts on it; the silence
  /// rule's activity joins as `a`, which the filter's `silent` term reads.
  private static func matchingRuns(_ filter: FilterQuery, _ parameters: inout [String?]) -> (String, [String]) {
    parameters.append(String(RunActivity.medianWindow))
    let window = "$\(parameters.count)"
    let conditions = FilterSQL.runConditions(filter, &parameters)
    return (
      "task_runs r CROSS JOIN LATERAL (\(SilenceSQL.activity(of: "r", window: window))) a",
      conditions.indexed + conditions.others
    )
  }

  /// A time column as the schema's UTC text, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  private static func text(_ column: String) -> String {
    "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
  }
}
