import TaskDashModel

/// The SQL of partition upkeep and retention on PostgreSQL (`PostgresMaintainer`).
///
/// A run that has not finished is "active"; nothing of an active run is removed. Values are
/// bound; partition names come from the catalog and are quoted as identifiers.
enum MaintenanceStatements {
  /// The runs whose snapshots are kept whatever their age.
  static let activeRuns = "SELECT id FROM task_runs WHERE status IN \(RunStatus.sqlList(finished: false))"

  /// Whether a snapshot may go: of no run, or of a run that has finished.
  static let removable = "(m.task_run_id IS NULL OR m.task_run_id NOT IN (\(activeRuns)))"

  /// The day partitions through $2 from the day of $1 (the function the migration created).
  static let ensurePartitions = "SELECT taskdash_ensure_metric_partitions($1::timestamptz, $2::timestamptz)"

  /// The range partitions wholly older than $1, oldest first: name and upper bound as text
  /// (the default partition holds no range and is never dropped).
  static let partitionsBefore = """
    SELECT c.relname, upper_bound::text
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
     CROSS JOIN LATERAL (SELECT taskdash_metric_partition_upper(c.oid) AS upper_bound) b
     WHERE i.inhparent = 'metric_snapshots'::regclass AND upper_bound <= $1::timestamptz
     ORDER BY upper_bound
    """

  /// Whether a partition holds a snapshot of an active run (through its run index, per active
  /// run: active runs are few).
  static func holdsActiveRows(_ partition: String) -> String {
    """
    SELECT EXISTS (SELECT 1 FROM (\(activeRuns)) r
                    WHERE EXISTS (SELECT 1 FROM \(quoted(partition)) m WHERE m.task_run_id = r.id))
    """
  }

  static func rowCount(_ partition: String) -> String {
    "SELECT count(*) FROM \(quoted(partition))"
  }

  /// The rollups of a dropped partition's range: dropping fires no DELETE trigger. Every minute
  /// below the partition's upper bound and at or above its lower one ($1, $2; NULL for none)
  /// was counted from its rows only.
  static let deleteRollups = """
    DELETE FROM metric_rollups WHERE minute < $2::timestamptz AND ($1::timestamptz IS NULL OR minute >= $1::timestamptz)
    """

  /// A partition's lower bound (NULL for MINVALUE).
  static let lowerBound = """
    SELECT (regexp_match(pg_get_expr(relpartbound, oid), 'FROM \\(''([^'']+)''\\)'))[1]::timestamptz::text
      FROM pg_class WHERE relname = $1
    """

  static func drop(_ partition: String) -> String {
    "DROP TABLE \(quoted(partition))"
  }

  static func lock(_ partition: String) -> String {
    "LOCK TABLE \(quoted(partition)) IN ACCESS EXCLUSIVE MODE"
  }

  /// Snapshots older than $1 that may go.
  static let countOld = """
    SELECT count(*) FROM metric_snapshots m WHERE m."timestamp" < $1::timestamptz AND \(removable)
    """

  /// One batch: the next $3 snapshots older than $1 with ids above $2, in id order, bound the
  /// batch's id range; the removable ones in that range are deleted. Returns how many went and
  /// the range's upper id, from which the next batch goes on (NULL when no old row is left).
  ///
  /// The delete is a range condition on the primary key (id, "timestamp"), one index range per
  /// day older than the cutoff. Joining the deleted rows to a list of ids instead let the
  /// planner read every old day whole for each batch, which made a prune of millions of rows
  /// quadratic.
  static let deleteOldBatch = """
    WITH bound AS (
      SELECT max(w.id) AS upper
        FROM (SELECT m.id FROM metric_snapshots m
               WHERE m."timestamp" < $1::timestamptz AND m.id > $2::bigint
               ORDER BY m.id LIMIT $3::integer) w),
    gone AS (
      DELETE FROM metric_snapshots m
       WHERE m."timestamp" < $1::timestamptz AND m.id > $2::bigint AND m.id <= (SELECT upper FROM bound)
         AND \(removable)
      RETURNING 1)
    SELECT (SELECT count(*) FROM gone), (SELECT upper FROM bound)
    """

  /// Finished runs that ended before $1, except each task's latest.
  static let finishedRuns = """
    SELECT r.id FROM task_runs r
     WHERE r.status IN \(RunStatus.sqlList(finished: true))
       AND coalesce(r.completed_at, r.updated_at) < $1::timestamptz
       AND r.run_number < (SELECT max(x.run_number) FROM task_runs x WHERE x.task_id = r.task_id)
    """

  /// What removing those runs takes with it: runs, their artifacts, their snapshots not
  /// counted as old already.
  static let countRuns = """
    WITH doomed AS (\(finishedRuns))
    SELECT (SELECT count(*) FROM doomed),
           (SELECT count(*) FROM artifacts a WHERE a.task_run_id IN (SELECT id FROM doomed)),
           (SELECT count(*) FROM metric_snapshots m
             WHERE m.task_run_id IN (SELECT id FROM doomed) AND m."timestamp" >= $1::timestamptz)
    """

  /// One batch of up to $2 such runs, deleted with their artifacts and snapshots (cascade);
  /// the counters follow through the task_runs triggers. The status is checked again as the
  /// row is deleted, so a run that became active meanwhile stays.
  static let deleteRunsBatch = """
    WITH doomed AS (\(finishedRuns) LIMIT $2::integer),
    counted AS (
      SELECT (SELECT count(*) FROM artifacts a WHERE a.task_run_id IN (SELECT id FROM doomed)) AS artifacts,
             (SELECT count(*) FROM metric_snapshots m WHERE m.task_run_id IN (SELECT id FROM doomed)) AS snapshots),
    gone AS (
      DELETE FROM task_runs r USING doomed d
       WHERE r.id = d.id AND r.status IN \(RunStatus.sqlList(finished: true)) RETURNING 1)
    SELECT (SELECT count(*) FROM gone), artifacts, snapshots FROM counted
    """

  /// An identifier in double quotes.
  private static func quoted(_ identifier: String) -> String {
    "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
