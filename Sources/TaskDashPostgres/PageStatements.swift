import Foundation
import TaskDashModel
import TaskDashStore

/// The SQL of a run's and a task's own page, and of the look-ups that find them by name.
///
/// Each is a handful of index probes: the run or task by primary key, neighbours through the
/// (task_id, run_number) and (name, id) indexes, and the durations of a task's latest completed
/// runs through (task_id, status, created_at).
enum PageStatements {
  /// The run with the heads of its four documents (`$2` characters each) and their lengths,
  /// and the ids of the runs before and after it in run-number order.
  static func run(id: UUID, documentLimit: Int) -> PostgresStatement {
    PostgresStatement(
      """
      SELECT r.id, r.task_id, (SELECT t.name FROM tasks t WHERE t.id = r.task_id), r.run_number, r.status,
             r.started_at, r.completed_at, r.duration, r.created_at, r.updated_at,
             substr(r.error_message, 1, $2::integer), octet_length(r.error_message),
             substr(d.error_details, 1, $2::integer), octet_length(d.error_details),
             substr(d.plan, 1, $2::integer), octet_length(d.plan),
             substr(d.results, 1, $2::integer), octet_length(d.results),
             (SELECT p.id FROM task_runs p WHERE p.task_id = r.task_id AND p.run_number < r.run_number
               ORDER BY p.run_number DESC LIMIT 1),
             (SELECT n.id FROM task_runs n WHERE n.task_id = r.task_id AND n.run_number > r.run_number
               ORDER BY n.run_number LIMIT 1),
             \(SilenceSQL.columns(of: "r", activity: "a"))
        FROM task_runs r
             -- Each JSON column's text form is made once for its head and its length (OFFSET 0
             -- keeps the subquery from being folded into the two uses): a 10 MB document's
             -- conversion is most of the page's cost.
             CROSS JOIN LATERAL (SELECT r.error_details::text, r.plan::text, r.results::text OFFSET 0)
               AS d(error_details, plan, results)
             CROSS JOIN LATERAL (\(SilenceSQL.activity(of: "r", window: "$3"))) a
       WHERE r.id = $1
      """, [id.uuidString, String(max(1, documentLimit)), String(RunActivity.medianWindow)])
  }

  /// The task with the columns `ReadStatements.tasks` reads, and its neighbours by name.
  static func task(id: UUID) -> PostgresStatement {
    PostgresStatement(
      """
      SELECT t.id, t.name, t.description, t.config::text, t.status, t.max_rounds, t.memory_size,
             t.total_runs, t.successful_runs, t.failed_runs, t.created_at, t.updated_at,
             (SELECT count(*) FROM task_runs r
               WHERE r.task_id = t.id AND r.status = 'running') AS running_now,
             (SELECT r.created_at FROM task_runs r
               WHERE r.task_id = t.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS last_run_at,
             s.silent_now, s.next_silence_at,
             (SELECT p.id FROM tasks p WHERE (p.name, p.id) < (t.name, t.id) ORDER BY p.name DESC, p.id DESC LIMIT 1),
             (SELECT n.id FROM tasks n WHERE (n.name, n.id) > (t.name, t.id) ORDER BY n.name, n.id LIMIT 1)
        FROM tasks t
       CROSS JOIN LATERAL (\(ReadStatements.silence(window: "$2", minimum: "$3", factor: "$4"))) s
       WHERE t.id = $1
      """, [id.uuidString] + SilenceSQL.parameters)
  }

  /// Run counts by status for one task, from the (task_id, status, created_at) index alone.
  static func statusCounts(taskID: UUID) -> PostgresStatement {
    PostgresStatement(
      """
      SELECT r.status, count(*) FROM task_runs r
       WHERE r.task_id = $1
       GROUP BY r.status
      """, [taskID.uuidString])
  }

  /// Nearest-rank p50, p95 and the maximum over the task's latest `$2` completed runs.
  static func durations(taskID: UUID, runs: Int) -> PostgresStatement {
    PostgresStatement(
      """
      SELECT count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY d.duration),
             percentile_disc(0.95) WITHIN GROUP (ORDER BY d.duration), max(d.duration)
        FROM (SELECT r.duration FROM task_runs r
               WHERE r.task_id = $1 AND r.status = 'completed'
               ORDER BY r.created_at DESC, r.id DESC
               LIMIT $2) d
       WHERE d.duration IS NOT NULL
      """, [taskID.uuidString, String(min(max(1, runs), ReadStatements.maximumLimit))])
  }

  /// The newest failed or timed-out run, in the runs pane's columns: one probe per status.
  static func latestFailure(taskID: UUID) -> PostgresStatement {
    let probe = { (status: String) in
      """
      (SELECT r.id, r.task_id, (SELECT t.name FROM tasks t WHERE t.id = r.task_id), r.run_number, r.status,
              r.started_at, r.completed_at, r.duration, r.error_message, r.created_at
         FROM task_runs r WHERE r.task_id = $1 AND r.status = '\(status)'
        ORDER BY r.created_at DESC, r.id DESC LIMIT 1)
      """
    }
    return PostgresStatement(
      probe("failed") + "\nUNION ALL\n" + probe("timeout") + "\nORDER BY 10 DESC, 1 DESC LIMIT 1",
      [taskID.uuidString])
  }

  /// The oldest task with this exact name.
  static func taskID(named name: String) -> PostgresStatement {
    PostgresStatement(
      "SELECT t.id FROM tasks t WHERE t.name = $1 ORDER BY t.created_at, t.id LIMIT 1", [name])
  }

  /// The run numbered `$2` of the oldest task named `$1`.
  static func runID(taskName: String, number: Int) -> PostgresStatement {
    PostgresStatement(
      """
      SELECT r.id FROM task_runs r
       WHERE r.task_id = (SELECT t.id FROM tasks t WHERE t.name = $1 ORDER BY t.created_at, t.id LIMIT 1)
         AND r.run_number = $2
      """, [taskName, String(number)])
  }
}
