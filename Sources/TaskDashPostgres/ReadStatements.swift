import Foundation
import TaskDashModel
import TaskDashStore

/// The SQL of every dashboard read, built per query shape.
///
/// Each statement is an ordered index range scan with LIMIT on the big tables (task_runs,
/// metric_snapshots, artifacts); the plan tests explain exactly these texts.
enum ReadStatements {
  /// The most rows one page may ask for, so a bad limit cannot turn a page into a dump.
  static let maximumLimit = 10_000

  // MARK: - Tasks

  /// The columns `tasksRow` decodes, in order.
  static func tasks(_ query: TaskQuery) -> PostgresStatement {
    var parameters: [String?] = []
    let conditions = FilterSQL.taskConditions(query.filter, &parameters)
    parameters += SilenceSQL.parameters
    let quiet = parameters.count - 2
    parameters.append(String(clamped(query.limit)))
    let order =
      switch query.sort {
      case .name: "t.name, t.id"
      case .status: "t.status, t.name, t.id"
      case .lastActivity: "last_run_at DESC NULLS LAST, t.updated_at DESC, t.id"
      }
    // The page of tasks is picked first and the silence judged for its rows only, in the
    // page's order: the outer ORDER BY follows the inner one, so nothing is sorted twice.
    let sql = """
      SELECT t.id, t.name, t.description, t.config, t.status, t.max_rounds, t.memory_size,
             t.total_runs, t.successful_runs, t.failed_runs, t.created_at, t.updated_at,
             t.running_now, t.last_run_at, s.silent_now, s.next_silence_at
        FROM (SELECT t.id, t.name, t.description, t.config::text, t.status, t.max_rounds, t.memory_size,
                     t.total_runs, t.successful_runs, t.failed_runs, t.created_at, t.updated_at,
                     (SELECT count(*) FROM task_runs r
                       WHERE r.task_id = t.id AND r.status = 'running') AS running_now,
                     (SELECT r.created_at FROM task_runs r
                       WHERE r.task_id = t.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS last_run_at
                FROM tasks t\(whereClause(conditions))
               ORDER BY \(order)
               LIMIT $\(parameters.count)) t
       CROSS JOIN LATERAL (\(silence(window: "$\(quiet)", minimum: "$\(quiet + 1)", factor: "$\(quiet + 2)"))) s
       ORDER BY \(order)
      """
    return PostgresStatement(sql, parameters)
  }

  /// One row over the task's running runs, each judged once: how many are silent by the
  /// database's clock (`silent_now`), and when the first of the others turns silent
  /// (`next_silence_at`, NULL when none will).
  static func silence(window: String, minimum: String, factor: String) -> String {
    """
    SELECT count(*) FILTER (WHERE q.silent_from < now()) AS silent_now,
                   min(q.silent_from) FILTER (WHERE q.silent_from >= now()) AS next_silence_at
              FROM (SELECT \(SilenceSQL.silentFrom("r", activity: "a", minimum: minimum, factor: factor)) AS silent_from
                      FROM task_runs r
                     CROSS JOIN LATERAL (\(SilenceSQL.activity(of: "r", window: window))) a
                     WHERE r.task_id = t.id AND r.status = 'running') q
    """
  }

  // MARK: - Runs

  /// Newest first, keyset after the cursor; the task name comes from a per-row lookup so the
  /// ordered index scan stays the driving side, and so does a running run's activity (the
  /// silence rule's inputs), read per row after the keyset and LIMIT pick it.
  static func runs(_ query: RunQuery) -> PostgresStatement {
    var parameters: [String?] = []
    var conditions: [String] = []
    if let taskID = query.taskID {
      parameters.append(taskID.uuidString)
      conditions.append("r.task_id = $\(parameters.count)")
    }
    if let status = query.status {
      parameters.append(status.rawValue)
      conditions.append("r.status = $\(parameters.count)")
    }
    if let cursor = query.after {
      conditions.append(keyset("r", cursor, &parameters))
    }
    parameters.append(String(RunActivity.medianWindow))
    let window = "$\(parameters.count)"
    let filter = FilterSQL.runConditions(query.filter, &parameters)
    conditions += filter.indexed
    var filterJoin = ""
    if !filter.others.isEmpty {
      filterJoin = "\n     CROSS JOIN LATERAL (\(FilterSQL.keep(filter.others))) f"
      conditions.append("f.keep")
    }
    parameters.append(String(clamped(query.limit)))
    let sql = """
      SELECT \(runColumns), \(SilenceSQL.columns(of: "r", activity: "a"))
        FROM task_runs r
             CROSS JOIN LATERAL (\(SilenceSQL.activity(of: "r", window: window))) a\(filterJoin)\(whereClause(conditions))
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT $\(parameters.count)
      """
    return PostgresStatement(sql, parameters)
  }

  /// The columns `runRow` decodes, of a run aliased `r`; the task name comes from a per-row
  /// lookup so that the ordered index scan of task_runs stays the driving side.
  static let runColumns = """
    r.id, r.task_id, (SELECT t.name FROM tasks t WHERE t.id = r.task_id) AS task_name,
           r.run_number, r.status, r.started_at, r.completed_at, r.duration, r.error_message,
           r.created_at
    """

  // MARK: - Metrics

  /// The scope's metric names by a loose index scan (one index probe per distinct name), then
  /// each name's newest points through the same index. Rows carry the name's ordinal so the
  /// caller can order series without a sort in the plan.
  static func metrics(_ query: MetricQuery) throws -> PostgresStatement {
    let column: String
    let id: UUID
    switch query.scope {
    case .run(let runID):
      column = "task_run_id"
      id = runID
    case .task(let taskID):
      column = "task_id"
      id = taskID
    case .all:
      throw StoreError.query(sqlState: nil, message: "metrics are read per run or per task, not for everything")
    }
    let sql = """
      \(metricNames(column))
      SELECT s.ordinal, s.name, p.id, p.metric_type, p.unit, p.value, p."timestamp"
        FROM (SELECT name, ordinal FROM names WHERE name IS NOT NULL LIMIT $2) s
       CROSS JOIN LATERAL (
             SELECT m.id, m.metric_type, m.unit, m.value, m."timestamp" FROM metric_snapshots m
              WHERE m.\(column) = $1 AND m.name = s.name
                AND \(MetricSpan.conditions(column, id: "$1", alias: "m"))
              ORDER BY m."timestamp" DESC, m.id DESC
              LIMIT $3) p
      """
    return PostgresStatement(
      sql, [id.uuidString, String(clamped(query.maxSeries)), String(clamped(query.points))])
  }

  /// The recursive `names(name, ordinal)` of a scope's distinct metric names in order: a loose
  /// index scan, one probe of the (scope, name, timestamp) index per name. `$1` is the scope's id.
  static func metricNames(_ column: String) -> String {
    """
    WITH RECURSIVE names(name, ordinal) AS (
      (SELECT m.name, 1 FROM metric_snapshots m
        WHERE m.\(column) = $1 AND \(MetricSpan.conditions(column, id: "$1", alias: "m"))
        ORDER BY m.name LIMIT 1)
      UNION ALL
      SELECT (SELECT m.name FROM metric_snapshots m
               WHERE m.\(column) = $1 AND m.name > n.name
                 AND \(MetricSpan.conditions(column, id: "$1", alias: "m"))
               ORDER BY m.name LIMIT 1),
             n.ordinal + 1
        FROM names n WHERE n.name IS NOT NULL
    )
    """
  }

  // MARK: - Artifacts

  private static let artifactColumns = """
    a.id, a.task_id, a.task_run_id, a.name, a.artifact_type, a.file_path, a.file_size,
           a.file_hash, a.content_type, octet_length(a.content), a.metadata::text, a.created_at
    """

  /// Newest first, keyset after the cursor, without the content (only its length in bytes).
  static func artifacts(_ query: ArtifactQuery) -> PostgresStatement {
    var parameters: [String?] = []
    var conditions: [String] = []
    switch query.scope {
    case .all:
      break
    case .task(let taskID):
      parameters.append(taskID.uuidString)
      conditions.append("a.task_id = $\(parameters.count)")
    case .run(let runID):
      parameters.append(runID.uuidString)
      conditions.append("a.task_run_id = $\(parameters.count)")
    }
    if let cursor = query.after {
      conditions.append(keyset("a", cursor, &parameters))
    }
    parameters.append(String(clamped(query.limit)))
    let sql = """
      SELECT \(artifactColumns)
        FROM artifacts a\(whereClause(conditions))
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT $\(parameters.count)
      """
    return PostgresStatement(sql, parameters)
  }

  /// One artifact's metadata.
  static func artifact(id: UUID) -> PostgresStatement {
    PostgresStatement(
      """
      SELECT \(artifactColumns)
        FROM artifacts a
       WHERE a.id = $1
       LIMIT 1
      """, [id.uuidString])
  }

  /// A byte window of the content, or nil when the window starts past what PostgreSQL can hold.
  ///
  /// The first offset + length characters hold at least offset + length bytes, so the window
  /// lies inside them; with uncompressed external storage that prefix is fetched without the
  /// rest of the value (a 64 KiB window at the top of a 120 MB artifact: ~5 ms instead of
  /// ~500 ms). Cutting a prefix costs up to four bytes per character, so when the prefix would
  /// not be smaller than the whole value, the whole value is converted instead.
  static func artifactContent(id: UUID, offset: Int64, length: Int) -> PostgresStatement? {
    window(of: "a.content", in: "artifacts a", where: "a.id", id: id, offset: offset, length: length)
  }

  /// A byte window of one of a run's documents, as `artifactContent` reads content. A JSON
  /// column is read in its text form, the form whose length the run's page reports.
  static func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) -> PostgresStatement? {
    guard document.isJSON else {
      return window(
        of: "r.\(document.column)", in: "task_runs r", where: "r.id", id: id, offset: offset, length: length)
    }
    // The text form of a JSON column is made once per read (OFFSET 0 keeps the subquery from
    // being folded into the window's three uses of it): it is most of a window's cost.
    return window(
      of: "d.text", in: "task_runs r CROSS JOIN LATERAL (SELECT r.\(document.column)::text OFFSET 0) AS d(text)",
      where: "r.id", id: id, offset: offset, length: length)
  }

  private static func window(
    of value: String, in table: String, where key: String, id: UUID, offset: Int64, length: Int
  ) -> PostgresStatement? {
    let end = offset.addingReportingOverflow(Int64(length))
    guard offset >= 0, length > 0, !end.overflow, end.partialValue <= Int64(Int32.max) else { return nil }
    return PostgresStatement(
      """
      SELECT CASE WHEN octet_length(\(value)) > 4 * $2::bigint
                  THEN substring(convert_to(substr(\(value), 1, $2::integer), 'UTF8') FROM $3::integer FOR $4::integer)
                  ELSE substring(convert_to(\(value), 'UTF8') FROM $3::integer FOR $4::integer)
             END
        FROM \(table)
       WHERE \(key) = $1
       LIMIT 1
      """, [id.uuidString, String(end.partialValue), String(offset + 1), String(length)])
  }

  // MARK: - Health

  /// The probe: server version, whether the history table exists, whether the server is a
  /// standby, and on a standby its replay lag in seconds.
  ///
  /// The lag is the age of the last replayed transaction, except when the standby has replayed
  /// all the WAL it received: then it is caught up (0), however long ago the primary last
  /// committed. NULL on a primary, and on a standby that has replayed no transaction yet. The
  /// role is asked on every probe rather than once per connection: a standby can be promoted
  /// under an open session.
  static let health = PostgresStatement(
    """
    SELECT current_setting('server_version'), to_regclass('schema_migrations') IS NOT NULL,
           pg_is_in_recovery(),
           CASE WHEN NOT pg_is_in_recovery() THEN NULL
                WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8
           END
    """)

  /// The write-ahead log's position as a number: the insert position on a primary (a commit is
  /// visible once its record is inserted, even before it is flushed under asynchronous commit),
  /// the replayed position on a standby (what its sessions see).
  static let dataVersion = PostgresStatement(
    """
    SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END
            - '0/0'::pg_lsn)::bigint
    """)

  /// The applied schema version: asked once per session, when the history table exists.
  static let schemaVersion = PostgresStatement("SELECT max(version) FROM schema_migrations")

  // MARK: - Fragments

  /// `(created_at, id) < (cursor)`: a row comparison the (created_at DESC, id DESC) indexes
  /// use as a range bound.
  private static func keyset(_ alias: String, _ cursor: PageCursor, _ parameters: inout [String?]) -> String {
    parameters.append(PostgresText.timestamp(cursor.createdAt))
    parameters.append(cursor.id.uuidString)
    let time = parameters.count - 1
    return "(\(alias).created_at, \(alias).id) < ($\(time)::timestamptz, $\(time + 1)::uuid)"
  }

  static func whereClause(_ conditions: [String]) -> String {
    conditions.isEmpty ? "" : "\n WHERE " + conditions.joined(separator: "\n   AND ")
  }

  static func clamped(_ limit: Int) -> Int {
    min(max(limit, 0), maximumLimit)
  }

  /// The user's text as a LIKE pattern matching itself: `\`, `%` and `_` lose their meaning.
  static func likeEscaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "\\" || character == "%" || character == "_" {
        escaped.append("\\")
      }
      escaped.append(character)
    }
    return escaped
  }
}
