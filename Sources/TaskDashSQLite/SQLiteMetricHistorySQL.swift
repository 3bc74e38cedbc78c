/// The SQL of a metric's bucketed history on SQLite.
///
/// SQLite cannot tell that a join of bucket edges with the points delivers each bucket's rows
/// together, so one statement grouping by bucket would sort every point of the window; instead
/// the reader steps one aggregate per bucket, each over one index range, inside one read
/// transaction. Buckets of whole minutes sum the series' minute rollups instead of its points.
enum SQLiteMetricHistorySQL {
  /// The newest point's type, unit and time and the oldest point's time (no row for an empty
  /// series). Parameters: `:scope`, `:name`.
  static func head(_ column: SQLiteReaderSQL.ScopeColumn) -> String {
    let scope = column.rawValue
    return """
      SELECT m.metric_type, m.unit, m.timestamp,
        (SELECT o.timestamp FROM metric_snapshots o WHERE o.\(scope) = :scope AND o.name = :name
          ORDER BY o.timestamp, o.id LIMIT 1)
      FROM metric_snapshots m
      WHERE m.\(scope) = :scope AND m.name = :name
      ORDER BY m.timestamp DESC, m.id DESC
      LIMIT 1
      """
  }

  /// The run before `:run` in run-number order of the same task, through the
  /// (task_id, run_number) index.
  static let previousRun = """
    SELECT p.id FROM task_runs r JOIN task_runs p ON p.task_id = r.task_id AND p.run_number < r.run_number
    WHERE r.id = :run
    ORDER BY p.run_number DESC
    LIMIT 1
    """

  /// One bucket's count, finite min and max and first time. Parameters: `:scope`, `:name`,
  /// `:low`, `:high` (the edges, as timestamp text).
  ///
  /// SQLite stores NaN as NULL (so the NOT NULL column never holds it) and ±infinity as reals
  /// beyond every finite value: `> -9e999 AND < 9e999` leaves the infinities out of min and max.
  static func bucket(_ column: SQLiteReaderSQL.ScopeColumn) -> String {
    let scope = column.rawValue
    return """
      SELECT count(*),
        min(value) FILTER (WHERE value > -9e999 AND value < 9e999),
        max(value) FILTER (WHERE value > -9e999 AND value < 9e999),
        min(timestamp)
      FROM metric_snapshots
      WHERE \(scope) = :scope AND name = :name AND timestamp >= :low AND timestamp < :high
      """
  }

  /// One bucket of whole minutes summed from `metric_rollups` (0006): count, finite min and
  /// max, first time, and how many of its minutes are stale (a delete or update touched them;
  /// such a bucket is read from its points instead). Parameters as `bucket`, the edges whole
  /// minutes.
  static func minutes(_ column: SQLiteReaderSQL.ScopeColumn) -> String {
    """
    SELECT sum(points), min(low), max(high), min(first_at), count(*) - count(points)
    FROM metric_rollups
    WHERE \(column.rawValue) = :scope AND name = :name AND minute >= :low AND minute < :high
    """
  }

  /// The newest point of one bucket: its value and time. Parameters as `bucket`.
  static func newest(_ column: SQLiteReaderSQL.ScopeColumn) -> String {
    """
    SELECT value, timestamp
    FROM metric_snapshots
    WHERE \(column.rawValue) = :scope AND name = :name AND timestamp >= :low AND timestamp < :high
    ORDER BY timestamp DESC, id DESC
    LIMIT 1
    """
  }
}
