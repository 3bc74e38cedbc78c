import TaskDashModel

/// The silence rule's SQL (see `RunActivity`), the one place SQLite computes it.
///
/// SQLite has no LATERAL, so the newest snapshot time and the median interval are two
/// correlated subqueries over the (task_run_id, timestamp) index: the newest time is one seek,
/// the median reads the newest `RunActivity.medianWindow` distinct times. Gaps are seconds
/// through `julianday`, whose double is off by some microseconds at today's dates: they are
/// rounded to the millisecond, the precision the schema stores times at. Callers evaluate them
/// only for running runs, behind a CASE, so other runs cost nothing.
enum SQLiteSilenceSQL {
  /// The window's parameter, for statements that read the inputs only.
  static var windowParameter: [String: SQLiteValue] {
    [":quiet_window": .integer(Int64(RunActivity.medianWindow))]
  }

  /// Every parameter the fragments below use, for statements that also judge by the clock.
  static var parameters: [String: SQLiteValue] {
    windowParameter.merging([
      ":quiet_minimum": .real(RunActivity.minimumQuiet), ":quiet_factor": .real(RunActivity.quietFactor),
    ]) { first, _ in first }
  }

  /// The newest snapshot time of the run aliased `run`, NULL without one.
  static func newest(_ run: String) -> String {
    "(SELECT max(m.timestamp) FROM metric_snapshots m WHERE m.task_run_id = \(run).id)"
  }

  /// The nearest-rank median (as PostgreSQL's `percentile_disc(0.5)`) of the gaps between the
  /// run's newest distinct snapshot times, in seconds; NULL with fewer than two times.
  static func median(_ run: String) -> String {
    """
    (SELECT min(CASE WHEN g.rank * 2 >= g.n THEN g.gap END)
        FROM (SELECT gap, row_number() OVER (ORDER BY gap) AS rank, count(*) OVER () AS n
          FROM (SELECT round((julianday(lag(t) OVER (ORDER BY t DESC)) - julianday(t)) * 86400000.0) / 1000.0 AS gap
            FROM (SELECT DISTINCT m.timestamp AS t FROM metric_snapshots m
              WHERE m.task_run_id = \(run).id ORDER BY m.timestamp DESC LIMIT :quiet_window))
          WHERE gap IS NOT NULL) g)
    """
  }

  /// The run's last sign of life and median interval as two columns, NULL unless it is running.
  static func columns(of run: String) -> String {
    """
    CASE WHEN \(run).status = 'running' THEN coalesce(\(newest(run)), \(run).started_at, \(run).created_at) END,
      CASE WHEN \(run).status = 'running' THEN \(median(run)) END
    """
  }

  /// When the run (known to be running) turns silent if nothing more is heard from it, as a
  /// Julian day number: its last sign plus its quiet limit.
  static func silentFrom(_ run: String) -> String {
    """
    (julianday(coalesce(\(newest(run)), \(run).started_at, \(run).created_at))
        + max(:quiet_minimum, :quiet_factor * coalesce(\(median(run)), 0)) / 86400.0)
    """
  }

  /// Whether the run (known to be running) is silent by the database's clock: a quiet spell of
  /// exactly the limit is not silence yet.
  static func isSilentNow(_ run: String) -> String {
    "\(silentFrom(run)) < julianday('now')"
  }

  /// The running runs of the task aliased `task`, each judged once, as one text column: how many
  /// are silent by the database's clock, a space, and when the first of the others turns silent
  /// in Unix milliseconds (empty when none will). `SQLiteTaskSilence` reads it back.
  ///
  /// One text because SQLite has no LATERAL: a subquery in a column yields one value, and two
  /// subqueries would judge every running run twice, which is most of the tasks read's cost.
  static func silence(of task: String) -> String {
    """
    (SELECT count(*) FILTER (WHERE q.silent_from < julianday('now')) || ' '
        || coalesce(CAST(round((min(q.silent_from) FILTER (WHERE q.silent_from >= julianday('now'))
                                - 2440587.5) * 86400000.0) AS INTEGER), '')
      FROM (SELECT \(silentFrom("r")) AS silent_from FROM task_runs r
             WHERE r.task_id = \(task).id AND r.status = 'running') q)
    """
  }
}
