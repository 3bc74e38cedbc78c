import Foundation

/// The SQL of a run comparison's own read: each metric of a run summed up.
enum CompareStatements {
  /// The run's metric names (at most `$2`, alphabetically, by the loose index scan of
  /// `ReadStatements.metricNames`), each with its newest point and the min, max and count of
  /// its newest `$3` points.
  ///
  /// Both lateral reads walk the (task_run_id, name, timestamp DESC, id DESC) index from the
  /// newest point, so a name costs at most `$3` index entries however long the run ran. Rows
  /// carry the name's ordinal: the caller orders them, so the plan has no sort.
  static func metricSummaries(runID: UUID, maxNames: Int, pointLimit: Int) -> PostgresStatement {
    let span = MetricSpan.conditions("task_run_id", id: "$1", alias: "m")
    return PostgresStatement(
      """
      \(ReadStatements.metricNames("task_run_id"))
      SELECT s.ordinal, s.name, l.metric_type, l.unit, l.value, l."timestamp", a.low, a.high, a.points
        FROM (SELECT name, ordinal FROM names WHERE name IS NOT NULL LIMIT $2) s
       CROSS JOIN LATERAL (
             SELECT m.metric_type, m.unit, m.value, m."timestamp" FROM metric_snapshots m
              WHERE m.task_run_id = $1 AND m.name = s.name AND \(span)
              ORDER BY m."timestamp" DESC, m.id DESC
              LIMIT 1) l
       CROSS JOIN LATERAL (
             SELECT min(w.value), max(w.value), count(*)
               FROM (SELECT m.value FROM metric_snapshots m
                      WHERE m.task_run_id = $1 AND m.name = s.name AND \(span)
                      ORDER BY m."timestamp" DESC, m.id DESC
                      LIMIT $3) w) a(low, high, points)
      """,
      [
        runID.uuidString, String(min(max(0, maxNames), ReadStatements.maximumLimit)),
        String(max(1, pointLimit)),
      ])
  }
}
