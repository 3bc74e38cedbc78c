/// The time bound every read of `metric_snapshots` carries, so that on the partitioned table
/// (migration 0008) a read opens only the days its scope can have points in.
///
/// A scope's snapshots are looked for from a day before its run (or task) was created to a day
/// after the run completed, or a day after now for a running run and a task. The day of slack on
/// each side covers writers whose clocks disagree with the server's and snapshots flushed after
/// a run ended; a snapshot stamped further outside its run's life is not shown with it. The
/// bounds are scalar subqueries of the scope's row, so PostgreSQL prunes the partitions outside
/// them when the statement starts (the days created ahead and the default partition among
/// them), and each remaining day is one index range.
enum MetricSpan {
  /// The slack on either side of a scope's life.
  static let slack = "interval '1 day'"

  /// The conditions on `alias."timestamp"` for the snapshots of the scope whose snapshots carry
  /// the scope's id in `column` (`task_run_id` or `task_id`), the id being the placeholder `id`.
  static func conditions(_ column: String, id: String, alias: String) -> String {
    if column == "task_run_id" {
      """
      \(alias)."timestamp" >= (SELECT sr.created_at - \(slack) FROM task_runs sr WHERE sr.id = \(id))
                      AND \(alias)."timestamp" <= (SELECT coalesce(sr.completed_at, now()) + \(slack)
                                                     FROM task_runs sr WHERE sr.id = \(id))
      """
    } else {
      """
      \(alias)."timestamp" >= (SELECT st.created_at - \(slack) FROM tasks st WHERE st.id = \(id))
                      AND \(alias)."timestamp" <= now() + \(slack)
      """
    }
  }

  /// The conditions on `alias."timestamp"` for the snapshots of the run aliased `run` in the
  /// surrounding query, a running one.
  static func running(_ run: String, alias: String) -> String {
    "\(alias).\"timestamp\" >= \(run).created_at - \(slack) AND \(alias).\"timestamp\" <= now() + \(slack)"
  }
}
