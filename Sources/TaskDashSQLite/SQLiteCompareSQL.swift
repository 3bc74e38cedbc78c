/// The statements of a run comparison's own read.
enum SQLiteCompareSQL {
  /// One metric of a run summed up: its newest point, and the min, max and count of its
  /// newest `:points` points; both walk the (task_run_id, name, timestamp, id) index backwards
  /// from the newest point, so a name costs at most `:points` index entries.
  ///
  /// The names come from `SQLiteReaderSQL.metricNames(.run)`. Parameters: `:scope` (the run),
  /// `:name`, `:points`.
  static let metricSummary = """
    SELECT n.metric_type, n.unit, n.value, n.timestamp, a.low, a.high, a.points
    FROM (SELECT metric_type, unit, value, timestamp FROM metric_snapshots
          WHERE task_run_id = :scope AND name = :name
          ORDER BY timestamp DESC, id DESC LIMIT 1) n,
         (SELECT min(value) AS low, max(value) AS high, count(*) AS points
          FROM (SELECT value FROM metric_snapshots
                WHERE task_run_id = :scope AND name = :name
                ORDER BY timestamp DESC, id DESC LIMIT :points)) a
    """
}
