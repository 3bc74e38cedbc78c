import Foundation
import TaskDashModel
import TaskDashStore

/// The SQL of failure triage: fold, group and list failures in the database.
///
/// Both reads start from the same capped scan: the newest `cap` failed and timed-out runs,
/// through the partial index of failures (0003), of which those in the window go on to be
/// folded. A window always reaches to now, so these are exactly the window's newest `cap`
/// failures; with the window's bound inside the scan instead, the planner turned a window
/// holding a little more than the cap into a bitmap or sequential scan and a sort of the whole
/// window. Sorting and grouping work on at most the cap's rows, never on the table.
///
/// Each failure's pattern is `task_runs.error_pattern`, folded once when the row was written
/// (migration 0006), so a read folds nothing.
enum TriageStatements {
  /// The parameters both reads start with: the window's start at `now` (`$1`, when the window
  /// has one) and the cap; whether there is a start, and the cap's placeholder.
  private static func window(
    _ window: FailureWindow, cap: Int, now: Date, into parameters: inout [String?]
  ) -> (since: Bool, cap: String) {
    let since = window.start(at: now)
    if let since { parameters.append(PostgresText.timestamp(since)) }
    parameters.append(String(clamped(cap, maximum: FailureGroupQuery.defaultCap * 10)))
    return (since != nil, "$\(parameters.count)")
  }

  /// The newest `cap` failures of the window with their patterns, in `columns` of `r` (which
  /// has `raw`); `$1` is the window's start when there is one.
  private static func failures(since: Bool, cap: String, raw: String, columns: String) -> String {
    """
    SELECT \(columns), r.error_pattern AS pattern
          FROM (SELECT \(raw), r.error_pattern
                  FROM task_runs r
                 WHERE r.status IN ('failed', 'timeout')
                 ORDER BY r.created_at DESC, r.id DESC
                 LIMIT \(cap)) r\(since ? "\n     WHERE r.created_at >= $1::timestamptz" : "")
    """
  }

  /// The groups: per pattern the count, the tasks (the three hit most, by name), first and last
  /// seen and the newest message; largest groups first. Every row also carries how many
  /// failures were read.
  static func groups(_ query: FailureGroupQuery, now: Date) -> PostgresStatement {
    var parameters: [String?] = []
    let (since, cap) = window(query.window, cap: query.cap, now: now, into: &parameters)
    parameters.append(String(clamped(query.limit, maximum: ReadStatements.maximumLimit)))
    let limit = "$\(parameters.count)"
    parameters.append(String(max(1, query.exampleLength)))
    let example = "$\(parameters.count)"
    let named = (1...FailureGroup.namedTasks).map { rank in
      "max(CASE WHEN h.task_rank = \(rank) THEN h.task_id::text END) AS task\(rank)"
    }
    let names = (1...FailureGroup.namedTasks).map { rank in
      "(SELECT t.name FROM tasks t WHERE t.id = g.task\(rank)::uuid)"
    }
    let sql = """
      WITH failures AS MATERIALIZED (
        \(failures(since: since, cap: cap, raw: "r.id, r.task_id, r.created_at", columns: "r.id, r.task_id, r.created_at"))
      ), ranked AS (
        SELECT f.*, row_number() OVER (PARTITION BY f.pattern ORDER BY f.created_at DESC, f.id DESC) AS recency
          FROM failures f
      ), hits AS (
        SELECT pattern, task_id, count(*) AS hits, min(created_at) AS first_hit, max(created_at) AS last_hit,
               max(CASE WHEN recency = 1 THEN id::text END) AS newest_id
          FROM ranked
         GROUP BY pattern, task_id
      ), ranked_hits AS (
        SELECT h.*, row_number() OVER (PARTITION BY h.pattern ORDER BY h.hits DESC, h.last_hit DESC, h.task_id)
                 AS task_rank
          FROM hits h
      ), groups AS (
        SELECT h.pattern, sum(h.hits)::bigint AS failures, count(*) AS tasks, min(h.first_hit) AS first_seen,
               max(h.last_hit) AS last_seen, max(h.newest_id) AS newest_id,
               \(named.joined(separator: ",\n         "))
          FROM ranked_hits h
         GROUP BY h.pattern
         ORDER BY failures DESC, last_seen DESC, h.pattern
         LIMIT \(limit)
      )
      SELECT g.pattern, g.failures, g.tasks, g.first_seen, g.last_seen,
             (SELECT left(r.error_message, \(example)::integer) FROM task_runs r WHERE r.id = g.newest_id::uuid),
             (SELECT length(r.error_message) FROM task_runs r WHERE r.id = g.newest_id::uuid),
             \(names.joined(separator: ",\n       ")),
             (SELECT count(*) FROM failures) AS read
        FROM groups g
       ORDER BY g.failures DESC, g.last_seen DESC, g.pattern
      """
    return PostgresStatement(sql, parameters)
  }

  /// A keyset page of the runs of one pattern among the same capped failures, newest first.
  static func runs(_ query: FailureRunQuery, now: Date) -> PostgresStatement {
    var parameters: [String?] = []
    let (since, cap) = window(query.window, cap: query.cap, now: now, into: &parameters)
    parameters.append(query.pattern)
    var conditions = ["c.pattern = $\(parameters.count)"]
    if let after = query.after {
      parameters.append(PostgresText.timestamp(after.createdAt))
      parameters.append(after.id.uuidString)
      conditions.append("(c.created_at, c.id) < ($\(parameters.count - 1)::timestamptz, $\(parameters.count)::uuid)")
    }
    parameters.append(String(max(1, query.messageLength)))
    let length = "$\(parameters.count)"
    parameters.append(String(clamped(query.limit, maximum: ReadStatements.maximumLimit)))
    let raw = """
      r.id, r.task_id, r.run_number, r.status, r.started_at, r.completed_at, r.duration, r.error_message, r.created_at
      """
    let columns = """
      r.id, r.task_id, r.run_number, r.status, r.started_at, r.completed_at, r.duration,
                 left(r.error_message, \(length)::integer) AS error_message, r.created_at
      """
    let sql = """
      SELECT c.id, c.task_id, (SELECT t.name FROM tasks t WHERE t.id = c.task_id) AS task_name,
             c.run_number, c.status, c.started_at, c.completed_at, c.duration, c.error_message, c.created_at
        FROM (
          \(failures(since: since, cap: cap, raw: raw, columns: columns))
        ) c
       WHERE \(conditions.joined(separator: " AND "))
       ORDER BY c.created_at DESC, c.id DESC
       LIMIT $\(parameters.count)
      """
    return PostgresStatement(sql, parameters)
  }

  private static func clamped(_ value: Int, maximum: Int) -> Int {
    min(max(value, 0), maximum)
  }
}
