import TaskDashStore

/// How a connection is opened and what its session looks like, per role.
struct ConnectionSettings: Sendable {
  /// Statements run once after connecting (the statement timeout is added by `startupSQL`).
  var sessionSQL: String
  /// The server's limit on each statement, for the reading roles; nil leaves it unlimited.
  var statementTimeout: Duration?
  /// A client-side limit on each statement; when it passes, the statement is cancelled and the
  /// connection dropped. Nil waits as long as the server takes.
  var deadline: Duration?
  /// Seconds libpq waits for each host (a connection string's own `connect_timeout` wins).
  var connectTimeoutSeconds = 5
  /// The thread name, to tell connections apart in a debugger (Linux keeps 15 bytes).
  var threadName: String
  /// Whether a session on a standby is refused at connect (`StoreError.readOnlyStandby`): for
  /// roles that write, so every write command fails with one clear line before it starts, not
  /// with the server's "read-only transaction" halfway through.
  var refusesStandby = false
  /// Whether each statement text is prepared once per session and then executed by name: for
  /// the dashboard, which sends the same texts every refresh. The writers' texts vary with
  /// their batch sizes, and a migration runs once.
  var preparesStatements = false

  /// Everything run once after connecting.
  var startupSQL: String {
    guard let statementTimeout else { return sessionSQL }
    let milliseconds = Int((statementTimeout / .milliseconds(1)).rounded())
    return sessionSQL + " SET statement_timeout = '\(milliseconds)ms';"
  }

  /// These settings with the operator's `limits`. A statement timeout applies to the roles that
  /// have one (the readers), and the client deadline keeps its margin over it: past the
  /// server's limit the server cancels, past the deadline a server that no longer answers is
  /// given up.
  func limited(by limits: SessionLimits) -> ConnectionSettings {
    var limited = self
    if let seconds = limits.connectTimeoutSeconds { limited.connectTimeoutSeconds = seconds }
    if let timeout = limits.statementTimeout, let current = statementTimeout {
      limited.statementTimeout = timeout
      limited.deadline = deadline.map { $0 - current + timeout }
    }
    return limited
  }

  /// Text results in a fixed form, whatever the server's or role's defaults are.
  private static let common = """
    SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; \
    SET extra_float_digits = 3;
    """

  /// The dashboard's read-only session.
  ///
  /// Bitmap and sequential scans are off because every dashboard read is written as an ordered
  /// index range scan with LIMIT: on a small range the planner may otherwise pick a bitmap scan
  /// plus a sort, which turns into sorting a whole history once that range grows. The same holds
  /// for a day partition of metric_snapshots analysed while it was empty (today's, early in the
  /// day): a sequential scan and a sort look free there, and cost a whole day by evening. A table
  /// that no index can read is still read whole; the plan tests prove none of the big ones is.
  /// JIT is off because a metric's bucketed history over a million points is costed high enough
  /// to be compiled, and compiling took 600 ms of a 1.1 s read. Prepared statements are planned
  /// once per session (`force_generic_plan`), not for each execution's parameters: planning was
  /// most of a refresh's server time (the tasks read 3.4 ms, a run's metrics 4.3 ms), and a
  /// partition outside a read's days is pruned when the statement starts either way. The plan
  /// tests prove the generic plans as well as the ones each parameter set would get.
  static let reader = ConnectionSettings(
    sessionSQL: common + """
       SET default_transaction_read_only = on; \
      SET idle_in_transaction_session_timeout = '30s'; SET enable_bitmapscan = off; \
      SET enable_seqscan = off; SET jit = off; \
      SET plan_cache_mode = force_generic_plan;
      """,
    statementTimeout: .seconds(5), deadline: .seconds(10), threadName: "td-pg-reader", preparesStatements: true)

  /// `taskdash export`'s session: read-only like the reader's, but one statement streams a
  /// whole table (ten million snapshots), so neither the server nor the client limits its
  /// length, and a sequential scan is the right plan for it.
  static let exporter = ConnectionSettings(
    sessionSQL: common + " SET default_transaction_read_only = on; SET jit = off;", deadline: nil,
    threadName: "td-pg-export")

  /// The seeder's and simulator's session; bulk statements may run long.
  static let writer = ConnectionSettings(
    sessionSQL: common, deadline: .seconds(300), threadName: "td-pg-writer", refusesStandby: true)

  /// The migration session: DDL may wait for locks (bounded by `lock_timeout` per migration).
  static let migrator = ConnectionSettings(
    sessionSQL: common, deadline: nil, threadName: "td-pg-migrator")
}
