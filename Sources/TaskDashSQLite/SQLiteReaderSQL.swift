import TaskDashStore

/// The dashboard's read statements. Every text is a constant chosen by which filters a query
/// uses, never built from data: values go in as named parameters.
///
/// Each filter combination has its own text (rather than `(:x IS NULL OR col = :x)`) because
/// SQLite plans a statement once: only a statement without the unused filters can be a plain
/// index range scan in ORDER BY order.
enum SQLiteReaderSQL {
  // MARK: - Tasks

  /// A page of tasks with their running count and newest run time.
  ///
  /// Parameters: `:pattern` (a LIKE pattern with `\` as escape) when `filtered`, `:status`
  /// when `byStatus`, and `:limit`.
  static func tasks(sort: TaskQuery.Sort, filter: [String] = []) -> String {
    let conditions = filter
    let order =
      switch sort {
      case .name: "t.name, t.id"
      case .status: "t.status, t.name, t.id"
      case .lastActivity: "last_run_at DESC NULLS LAST, t.updated_at DESC, t.id"
      }
    return """
      SELECT t.id, t.name, t.description, t.config, t.status, t.max_rounds, t.memory_size,
        t.total_runs, t.successful_runs, t.failed_runs, t.created_at, t.updated_at,
        (SELECT count(*) FROM task_runs r WHERE r.task_id = t.id AND r.status = 'running') AS running_now,
        (SELECT r.created_at FROM task_runs r WHERE r.task_id = t.id
          ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS last_run_at,
        \(SQLiteSilenceSQL.silence(of: "t")) AS silence
      FROM tasks t
      \(whereClause(conditions))
      ORDER BY \(order)
      LIMIT :limit
      """
  }

  // MARK: - Runs

  /// A keyset page of runs, newest first, with the task name and a running run's activity.
  ///
  /// Parameters: `:task` when `byTask`, `:status` when `byStatus`, `:after_created` and
  /// `:after_id` when `paged`, those of the `filter` conditions (`SQLiteFilterSQL`),
  /// `SQLiteSilenceSQL.windowParameter` and `:limit`.
  static func runs(byTask: Bool, byStatus: Bool, paged: Bool, filter: [String] = []) -> String {
    var conditions: [String] = []
    if byTask { conditions.append("r.task_id = :task") }
    if byStatus { conditions.append("r.status = :status") }
    if paged { conditions.append("(r.created_at, r.id) < (:after_created, :after_id)") }
    conditions += filter
    // LEFT JOIN keeps task_runs the outer loop (the planner may not reorder it), so the scan
    // follows a created_at index and stops at the LIMIT; it also keeps a run whose task row is
    // missing because some writer ran without foreign keys.
    return """
      SELECT r.id, r.task_id, t.name, r.run_number, r.status, r.started_at, r.completed_at,
        r.duration, r.error_message, r.created_at, \(SQLiteSilenceSQL.columns(of: "r"))
      FROM task_runs r LEFT JOIN tasks t ON t.id = r.task_id
      \(whereClause(conditions))
      ORDER BY r.created_at DESC, r.id DESC
      LIMIT :limit
      """
  }

  // MARK: - Metrics

  /// The column a metric or artifact scope filters on.
  enum ScopeColumn: String, CaseIterable, Sendable {
    case task = "task_id"
    case run = "task_run_id"
  }

  /// The distinct metric names of a scope, alphabetically, at most `:limit`.
  ///
  /// A loose index scan: each step seeks the next name greater than the previous one in the
  /// (scope, name, timestamp) index, so a run with a million points costs one seek per name.
  /// Parameters: `:scope`, `:limit`.
  static func metricNames(_ column: ScopeColumn) -> String {
    let scope = column.rawValue
    return """
      WITH RECURSIVE names(name) AS (
        SELECT (SELECT m.name FROM metric_snapshots m WHERE m.\(scope) = :scope ORDER BY m.name LIMIT 1)
        UNION ALL
        SELECT (SELECT m.name FROM metric_snapshots m WHERE m.\(scope) = :scope AND m.name > names.name
          ORDER BY m.name LIMIT 1)
        FROM names WHERE names.name IS NOT NULL
        LIMIT :limit
      )
      SELECT name FROM names WHERE name IS NOT NULL
      """
  }

  /// The newest `:points` points of one metric of a scope, newest first.
  ///
  /// Parameters: `:scope`, `:name`, `:points`.
  static func metricPoints(_ column: ScopeColumn) -> String {
    """
    SELECT value, metric_type, unit, timestamp
    FROM metric_snapshots
    WHERE \(column.rawValue) = :scope AND name = :name
    ORDER BY timestamp DESC, id DESC
    LIMIT :points
    """
  }

  // MARK: - Artifacts

  /// The artifact columns the reader decodes; `typeof(content)` reads only the record header.
  private static let artifactColumns = """
    rowid, id, task_id, task_run_id, name, artifact_type, file_path, file_size, file_hash,
      content_type, typeof(content), metadata, created_at
    """

  /// A keyset page of artifacts, newest first, without content.
  ///
  /// Parameters: `:scope` when `scope` is not nil, `:after_created` and `:after_id` when
  /// `paged`, and `:limit`.
  static func artifacts(scope: ScopeColumn?, paged: Bool) -> String {
    var conditions: [String] = []
    if let scope { conditions.append("\(scope.rawValue) = :scope") }
    if paged { conditions.append("(created_at, id) < (:after_created, :after_id)") }
    return """
      SELECT \(artifactColumns)
      FROM artifacts
      \(whereClause(conditions))
      ORDER BY created_at DESC, id DESC
      LIMIT :limit
      """
  }

  /// One artifact by id. Parameter: `:id`.
  static let artifact = """
    SELECT \(artifactColumns)
    FROM artifacts
    WHERE id = :id
    """

  /// The rowid and storage class of a row's text or blob column, for blob reads. Parameter:
  /// `:id`. The names come from the reader's own constants, never from input.
  static func valueLocation(of column: String, in table: String) -> String {
    "SELECT rowid, typeof(\(column)) FROM \(table) WHERE id = :id"
  }

  // MARK: - Health

  /// The library version.
  static let serverVersion = "SELECT sqlite_version()"

  /// Whether the history table exists.
  static let historyExists =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"

  /// The highest applied migration.
  static let schemaVersion = "SELECT max(version) FROM schema_migrations"

  static func whereClause(_ conditions: [String]) -> String {
    conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
  }
}
