import TaskDashModel

/// The SQL of retention on SQLite (`SQLiteMaintainer`): one table, so every removal is a
/// batched delete; old snapshots are found through the timestamp index of 0008.
enum SQLiteMaintenanceSQL {
  /// Whether a snapshot may go: of no run, or of a run that has finished.
  static let removable = """
    (m.task_run_id IS NULL OR m.task_run_id NOT IN (SELECT id FROM task_runs WHERE status IN \(RunStatus.sqlList(finished: false))))
    """

  static let countOld = """
    SELECT count(*) FROM metric_snapshots m WHERE m.timestamp < :cutoff AND \(removable)
    """

  /// One batch, oldest first; the row triggers of 0006 keep the rollups right.
  static let deleteOldBatch = """
    DELETE FROM metric_snapshots WHERE id IN (
      SELECT m.id FROM metric_snapshots m WHERE m.timestamp < :cutoff AND \(removable)
       ORDER BY m.timestamp LIMIT :limit)
    """

  /// Up to :limit finished runs that ended before the cutoff, except each task's latest.
  static let finishedRuns = """
    SELECT r.id FROM task_runs r
     WHERE r.status IN \(RunStatus.sqlList(finished: true))
       AND coalesce(r.completed_at, r.updated_at) < :cutoff
       AND r.run_number < (SELECT max(x.run_number) FROM task_runs x WHERE x.task_id = r.task_id)
     LIMIT :limit
    """

  /// Runs, their artifacts, and their snapshots that the old-snapshot count does not hold.
  static let countRuns = """
    SELECT (SELECT count(*) FROM (\(finishedRuns))),
           (SELECT count(*) FROM artifacts WHERE task_run_id IN (\(finishedRuns))),
           (SELECT count(*) FROM metric_snapshots WHERE task_run_id IN (\(finishedRuns)) AND timestamp >= :cutoff)
    """

  /// What one batch of runs takes with it, counted before it goes (cascade deletes are not
  /// counted as changes).
  static let countRunsBatch = """
    SELECT (SELECT count(*) FROM artifacts WHERE task_run_id IN (\(finishedRuns))),
           (SELECT count(*) FROM metric_snapshots WHERE task_run_id IN (\(finishedRuns)))
    """

  static let deleteRunsBatch = "DELETE FROM task_runs WHERE id IN (\(finishedRuns))"
}
