import TaskDashModel

/// The silence rule's SQL (see `RunActivity`), the one place PostgreSQL computes it.
///
/// For a run, the newest `RunActivity.medianWindow` distinct snapshot times come from the
/// (task_run_id, "timestamp" DESC) index as one ordered index range; the median of the gaps
/// between them and the newest time are aggregated from those few rows. Only running runs are
/// looked at: for any other status the status test is a one-time filter and no index is read.
enum SilenceSQL {
  /// The parameters the fragments below refer to, in order: the median's window, the minimum
  /// quiet spell and the factor.
  static var parameters: [String?] {
    [String(RunActivity.medianWindow), String(RunActivity.minimumQuiet), String(RunActivity.quietFactor)]
  }

  /// A LATERAL subquery over the run aliased `run` yielding one row: `newest` (the newest
  /// snapshot time, NULL without one) and `median` (seconds, NULL with fewer than two times).
  /// `window` is the placeholder of the window's size.
  static func activity(of run: String, window: String) -> String {
    """
    SELECT max(g.t) AS newest, percentile_disc(0.5) WITHIN GROUP (ORDER BY g.gap) AS median
      FROM (SELECT d.t, extract(epoch FROM lag(d.t) OVER (ORDER BY d.t DESC) - d.t)::double precision AS gap
              FROM (SELECT DISTINCT m."timestamp" AS t FROM metric_snapshots m
                     WHERE m.task_run_id = \(run).id AND \(run).status = 'running'
                       AND \(MetricSpan.running(run, alias: "m"))
                     ORDER BY m."timestamp" DESC
                     LIMIT \(window)::integer) d) g
    """
  }

  /// The run's last sign of life and median interval as two columns, NULL unless it is running;
  /// `activity` is the alias of the `activity(of:window:)` subquery.
  static func columns(of run: String, activity: String) -> String {
    """
    CASE WHEN \(run).status = 'running' THEN coalesce(\(activity).newest, \(run).started_at, \(run).created_at) END,
           CASE WHEN \(run).status = 'running' THEN \(activity).median END
    """
  }

  /// When the running run turns silent if nothing more is heard from it: its last sign plus its
  /// quiet limit; `minimum` and `factor` are the placeholders of the rule's constants.
  static func silentFrom(_ run: String, activity: String, minimum: String, factor: String) -> String {
    """
    coalesce(\(activity).newest, \(run).started_at, \(run).created_at)
             + make_interval(secs => greatest(\(minimum)::double precision,
                                              \(factor)::double precision * coalesce(\(activity).median, 0)))
    """
  }

  /// Whether the running run is silent by the database's clock: a quiet spell of exactly the
  /// limit is not silence yet.
  static func isSilentNow(_ run: String, activity: String, minimum: String, factor: String) -> String {
    "\(silentFrom(run, activity: activity, minimum: minimum, factor: factor)) < now()"
  }
}
