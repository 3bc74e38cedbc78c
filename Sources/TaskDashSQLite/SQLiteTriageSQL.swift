import TaskDashModel
import TaskDashStore

/// The SQL of failure triage: fold, group and list failures in the database.
///
/// Both reads start from the same capped scan: the window's failed and timed-out runs, newest
/// first, through the partial index of failures (0003; the `status IN` term must read as the
/// index's does for SQLite to use it), stopped at the cap. The grouping sorts at most the
/// cap's rows. Folding calls `taskdash_error_pattern` (`SQLiteErrorPatternFunction`) on the
/// message's first `ErrorPattern.sourceLength` characters.
enum SQLiteTriageSQL {
  /// The newest `:cap` failures of the window with their patterns; `:since` when `since`.
  private static func failures(since: Bool, columns: String) -> String {
    """
    SELECT \(columns),
            \(SQLiteErrorPatternFunction.name)(substr(coalesce(r.error_message, ''), 1, \(ErrorPattern.sourceLength)))
              AS pattern
          FROM task_runs r
          WHERE r.status IN ('failed', 'timeout')\(since ? " AND r.created_at >= :since" : "")
          ORDER BY r.created_at DESC, r.id DESC
          LIMIT :cap
    """
  }

  /// The groups: per pattern the count, the tasks (the three hit most, by name), first and last
  /// seen and the newest message, largest groups first; each row also carries how many
  /// failures were read.
  ///
  /// Parameters: `:since` when `since`, `:cap`, `:limit`, `:example`.
  static func groups(since: Bool) -> String {
    let ranks = 1...FailureGroup.namedTasks
    let named = ranks.map { "max(CASE WHEN h.task_rank = \($0) THEN h.task_id END) AS task\($0)" }
    let names = ranks.map { "(SELECT t.name FROM tasks t WHERE t.id = g.task\($0))" }
    return """
      WITH failures AS MATERIALIZED (
        \(failures(since: since, columns: "r.id, r.task_id, r.created_at"))
      ), ranked AS (
        SELECT f.*, row_number() OVER (PARTITION BY f.pattern ORDER BY f.created_at DESC, f.id DESC) AS recency
        FROM failures f
      ), hits AS (
        SELECT pattern, task_id, count(*) AS hits, min(created_at) AS first_hit, max(created_at) AS last_hit,
          max(CASE WHEN recency = 1 THEN id END) AS newest_id
        FROM ranked
        GROUP BY pattern, task_id
      ), ranked_hits AS (
        SELECT h.*, row_number() OVER (PARTITION BY h.pattern ORDER BY h.hits DESC, h.last_hit DESC, h.task_id)
          AS task_rank
        FROM hits h
      ), groups AS (
        SELECT h.pattern, sum(h.hits) AS failures, count(*) AS tasks, min(h.first_hit) AS first_seen,
          max(h.last_hit) AS last_seen, max(h.newest_id) AS newest_id,
          \(named.joined(separator: ",\n    "))
        FROM ranked_hits h
        GROUP BY h.pattern
        ORDER BY failures DESC, last_seen DESC, h.pattern
        LIMIT :limit
      )
      SELECT g.pattern, g.failures, g.tasks, g.first_seen, g.last_seen,
        (SELECT substr(r.error_message, 1, :example) FROM task_runs r WHERE r.id = g.newest_id),
        (SELECT length(r.error_message) FROM task_runs r WHERE r.id = g.newest_id),
        \(names.joined(separator: ",\n  ")),
        (SELECT count(*) FROM failures) AS read
      FROM groups g
      ORDER BY g.failures DESC, g.last_seen DESC, g.pattern
      """
  }

  /// A keyset page of the runs of one pattern among the same capped failures, newest first,
  /// in the columns of `SQLiteReaderSQL.runs`.
  ///
  /// Parameters: `:since` when `since`, `:cap`, `:pattern`, `:after_created` and `:after_id`
  /// when `paged`, `:length` (of each message) and `:limit`.
  static func runs(since: Bool, paged: Bool) -> String {
    let columns = """
      r.id, r.task_id, r.run_number, r.status, r.started_at, r.completed_at, r.duration,
              substr(r.error_message, 1, :length) AS error_message, r.created_at
      """
    var conditions = ["c.pattern = :pattern"]
    if paged { conditions.append("(c.created_at, c.id) < (:after_created, :after_id)") }
    return """
      SELECT c.id, c.task_id, (SELECT t.name FROM tasks t WHERE t.id = c.task_id), c.run_number, c.status,
        c.started_at, c.completed_at, c.duration, c.error_message, c.created_at
      FROM (
        \(failures(since: since, columns: columns))
      ) c
      WHERE \(conditions.joined(separator: " AND "))
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT :limit
      """
  }
}
