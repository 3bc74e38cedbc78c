/// The statements of a run's and a task's own page, and of the look-ups by name.
///
/// Each is a few index probes: primary keys, the (task_id, run_number) unique index for a
/// run's neighbours, (name) for a task's, and (task_id, status, created_at) for a task's
/// latest completed runs and failures.
enum SQLitePageSQL {
  /// The run with the heads of its four documents (`:limit` characters each), their lengths
  /// in bytes, and the ids of the runs before and after it.
  static let run = """
    SELECT r.id, r.task_id, (SELECT t.name FROM tasks t WHERE t.id = r.task_id), r.run_number, r.status,
      r.started_at, r.completed_at, r.duration, r.created_at, r.updated_at,
      substr(r.error_message, 1, :limit), length(CAST(r.error_message AS BLOB)),
      substr(r.error_details, 1, :limit), length(CAST(r.error_details AS BLOB)),
      substr(r.plan, 1, :limit), length(CAST(r.plan AS BLOB)),
      substr(r.results, 1, :limit), length(CAST(r.results AS BLOB)),
      (SELECT p.id FROM task_runs p WHERE p.task_id = r.task_id AND p.run_number < r.run_number
        ORDER BY p.run_number DESC LIMIT 1),
      (SELECT n.id FROM task_runs n WHERE n.task_id = r.task_id AND n.run_number > r.run_number
        ORDER BY n.run_number LIMIT 1),
      \(SQLiteSilenceSQL.columns(of: "r"))
    FROM task_runs r
    WHERE r.id = :id
    """

  /// The task in the tasks pane's columns, then its neighbours by (name, id).
  static let task = """
    SELECT t.id, t.name, t.description, t.config, t.status, t.max_rounds, t.memory_size,
      t.total_runs, t.successful_runs, t.failed_runs, t.created_at, t.updated_at,
      (SELECT count(*) FROM task_runs r WHERE r.task_id = t.id AND r.status = 'running'),
      (SELECT r.created_at FROM task_runs r WHERE r.task_id = t.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1),
      \(SQLiteSilenceSQL.silence(of: "t")),
      (SELECT p.id FROM tasks p WHERE (p.name, p.id) < (t.name, t.id) ORDER BY p.name DESC, p.id DESC LIMIT 1),
      (SELECT n.id FROM tasks n WHERE (n.name, n.id) > (t.name, t.id) ORDER BY n.name, n.id LIMIT 1)
    FROM tasks t
    WHERE t.id = :id
    """

  /// Run counts by status for one task, from an index alone.
  static let statusCounts = """
    SELECT r.status, count(*) FROM task_runs r
    WHERE r.task_id = :task
    GROUP BY r.status
    """

  /// Nearest-rank p50 and p95 (as `percentile_disc`: the first duration whose rank reaches
  /// p·n, compared in integers) and the maximum over the latest `:runs` completed runs.
  static let durations = """
    WITH latest AS (
      SELECT r.duration AS d FROM task_runs r
      WHERE r.task_id = :task AND r.status = 'completed'
      ORDER BY r.created_at DESC, r.id DESC
      LIMIT :runs
    ), ranked AS (
      SELECT d, row_number() OVER (ORDER BY d) AS rank, count(*) OVER () AS n FROM latest WHERE d IS NOT NULL
    )
    SELECT count(*), min(CASE WHEN rank * 2 >= n THEN d END), min(CASE WHEN rank * 100 >= n * 95 THEN d END), max(d)
    FROM ranked
    """

  /// The newest failed or timed-out run in the runs pane's columns: one probe per status.
  static let latestFailure = """
    SELECT * FROM (
      SELECT * FROM (
        SELECT r.id, r.task_id, (SELECT t.name FROM tasks t WHERE t.id = r.task_id), r.run_number, r.status,
          r.started_at, r.completed_at, r.duration, r.error_message, r.created_at
        FROM task_runs r WHERE r.task_id = :task AND r.status = 'failed'
        ORDER BY r.created_at DESC, r.id DESC LIMIT 1)
      UNION ALL
      SELECT * FROM (
        SELECT r.id, r.task_id, (SELECT t.name FROM tasks t WHERE t.id = r.task_id), r.run_number, r.status,
          r.started_at, r.completed_at, r.duration, r.error_message, r.created_at
        FROM task_runs r WHERE r.task_id = :task AND r.status = 'timeout'
        ORDER BY r.created_at DESC, r.id DESC LIMIT 1))
    ORDER BY 10 DESC, 1 DESC LIMIT 1
    """

  /// The oldest task with this exact name.
  static let taskID = "SELECT t.id FROM tasks t WHERE t.name = :name ORDER BY t.created_at, t.id LIMIT 1"

  /// The run numbered `:number` of the oldest task named `:name`.
  static let runID = """
    SELECT r.id FROM task_runs r
    WHERE r.task_id = (SELECT t.id FROM tasks t WHERE t.name = :name ORDER BY t.created_at, t.id LIMIT 1)
      AND r.run_number = :number
    """
}
