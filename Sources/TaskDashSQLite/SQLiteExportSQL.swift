import TaskDashStore

/// The one statement an export steps through, its columns in `ExportKind.columns` order.
///
/// Times go through `strftime` so that a near form another writer stored comes out in the
/// schema's text form, as PostgreSQL's export writes it.
enum SQLiteExportSQL {
  /// The statement for `kind`, with `conditions` ANDed (named parameters bound by the caller).
  static func statement(_ kind: ExportKind, conditions: [String]) -> String {
    let whereClause = conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: "\n  AND ")
    switch kind {
    case .runs:
      return """
        SELECT r.id, r.task_id, t.name, r.run_number, r.status, \(time("r.started_at")), \(time("r.completed_at")),
          r.duration, r.error_message, \(time("r.created_at")), \(time("r.updated_at"))
        FROM task_runs r LEFT JOIN tasks t ON t.id = r.task_id\(whereClause)
        ORDER BY r.created_at DESC, r.id DESC
        """
    case .metrics:
      return """
        SELECT s.id, s.task_id, s.task_run_id, s.name, s.metric_type, s.value, s.unit, s.labels, \(time("s.timestamp"))
        FROM metric_snapshots s\(whereClause)
        """
    case .artifacts:
      return """
        SELECT x.id, x.task_id, x.task_run_id, x.name, x.artifact_type, x.file_path, x.file_size, x.file_hash,
          x.content_type, length(CAST(x.content AS BLOB)), x.metadata, \(time("x.created_at"))
        FROM artifacts x\(whereClause)
        ORDER BY x.created_at DESC, x.id DESC
        """
    }
  }

  /// The alias of the table each kind reads.
  static func alias(_ kind: ExportKind) -> String {
    switch kind {
    case .runs: "r"
    case .metrics: "s"
    case .artifacts: "x"
    }
  }

  /// The column a kind's `--since` bounds.
  static func timeColumn(_ kind: ExportKind) -> String {
    switch kind {
    case .runs, .artifacts: "\(alias(kind)).created_at"
    case .metrics: "s.timestamp"
    }
  }

  /// The ids of the runs `conditions` (on `r`, its task joined as `t`) match.
  static func runIDs(_ conditions: [String]) -> String {
    "SELECT r.id FROM task_runs r LEFT JOIN tasks t ON t.id = r.task_id WHERE " + conditions.joined(separator: " AND ")
  }

  private static func time(_ column: String) -> String {
    "strftime('%Y-%m-%dT%H:%M:%fZ', \(column))"
  }
}
