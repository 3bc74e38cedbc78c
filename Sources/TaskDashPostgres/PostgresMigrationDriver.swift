import Foundation
import TaskDashStore

/// Runs migrations on PostgreSQL: one transaction per migration and its history row, under a
/// session advisory lock, with a `lock_timeout` on the DDL. A migration split into steps (see
/// `MigrationSteps`) runs its leading steps on their own first, under the same lock.
final class PostgresMigrationDriver: MigrationDriver {
  /// The advisory lock migrators serialise on ("taskdash" in ASCII).
  static let migrationLockKey: Int64 = 0x7461_736B_6461_7368

  static let createHistory = """
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )
    """

  private let pool: ConnectionPool

  init(conninfo: String, settings: ConnectionSettings = .migrator) {
    pool = ConnectionPool(conninfo: conninfo, settings: settings, capacity: 1)
  }

  /// Opens the connection now, so a bad target fails at once.
  func connect() async throws {
    try await pool.connectNow()
  }

  func appliedMigrations() async throws -> [AppliedMigration] {
    try await pool.withConnection(retry: true) { connection in
      let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL")
      guard try exists.first?.bool(0) == true else { return [] }
      return try await connection.query(
        "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
      ).map { row in
        AppliedMigration(
          version: try row.int(0), name: try row.string(1), checksum: try row.string(2),
          appliedAt: try row.date(3))
      }
    }
  }

  func tableNames() async throws -> [String] {
    try await pool.withConnection(retry: true) { connection in
      // Partitions are the partitioned table's business, not tables of their own here.
      try await connection.query(
        """
        SELECT c.relname FROM pg_class c
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         ORDER BY c.relname
        """
      ).map { try $0.string(0) }
    }
  }

  func run(_ migration: Migration, _ direction: MigrationDirection) async throws -> Bool {
    let steps = MigrationSteps(direction == .up ? migration.upSQL : migration.downSQL)
    return try await pool.withConnection(retry: false) { connection in
      // Here rather than at connect: `migrate status` and `check` only read, and may ask a
      // standby.
      try await connection.refuseStandby()
      // The session lock spans the leading steps and the final transaction, so two runners
      // apply a version once; the final step takes the same key again, which its own session
      // holds already.
      try await Self.lockSession(connection)
      do {
        var done = try await Self.runLeading(steps.leading, of: migration, direction, on: connection)
        if done {
          done = try await Self.runFinal(steps.final, of: migration, direction, on: connection)
        }
        _ = try await connection.query("SELECT pg_advisory_unlock($1::bigint)", [String(Self.migrationLockKey)])
        return done
      } catch {
        _ = try? await connection.query(
          "SELECT pg_advisory_unlock($1::bigint)", [String(Self.migrationLockKey)])
        throw error
      }
    }
  }

  /// Takes the migration lock for the session, however long another migrator holds it.
  ///
  /// By asking again and again rather than waiting in one statement: a waiting statement is a
  /// transaction with a snapshot, and CREATE INDEX CONCURRENTLY in the holder's migration waits
  /// for every such transaction to end, which would never happen.
  private static func lockSession(_ connection: PostgresConnection) async throws {
    while true {
      let taken = try await connection.query("SELECT pg_try_advisory_lock($1::bigint)", [String(migrationLockKey)])
      if try taken.first?.bool(0) == true { return }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  /// Runs the steps before the last one, each on its own (a script of several statements is
  /// one implicit transaction; a single statement may be one that refuses a transaction, such
  /// as CREATE INDEX CONCURRENTLY). False when the history says the version is done already.
  private static func runLeading(
    _ leading: [String], of migration: Migration, _ direction: MigrationDirection, on connection: PostgresConnection
  ) async throws -> Bool {
    guard !leading.isEmpty else { return true }
    try await connection.execute(createHistory)
    let recorded = try await connection.query(
      "SELECT 1 FROM schema_migrations WHERE version = $1", [String(migration.version)])
    guard recorded.isEmpty == (direction == .up) else { return false }
    try await connection.execute("SET lock_timeout = '5s'")
    do {
      for step in leading {
        try await connection.execute(step)
      }
    } catch {
      try? await connection.execute("RESET lock_timeout")
      throw error
    }
    try await connection.execute("RESET lock_timeout")
    return true
  }

  /// Runs the last step and the history change in one transaction.
  private static func runFinal(
    _ sql: String, of migration: Migration, _ direction: MigrationDirection, on connection: PostgresConnection
  ) async throws -> Bool {
    let token = try await connection.begin()
    do {
      let changed = try await Self.apply(sql, of: migration, direction, on: connection, token: token)
      try await connection.commit(token)
      return changed
    } catch {
      await connection.rollback(token)
      throw error
    }
  }

  /// The body of one migration's transaction; false when the history says it is already done.
  private static func apply(
    _ sql: String, of migration: Migration, _ direction: MigrationDirection, on connection: PostgresConnection,
    token: UInt64
  ) async throws -> Bool {
    // The advisory lock is taken before lock_timeout is set: a second migrator waits for the
    // first to finish however long that takes, while the DDL itself gives up after 5 s rather
    // than queueing the dashboard's reads behind its table locks.
    _ = try await connection.query(
      "SELECT pg_advisory_xact_lock($1::bigint)", [String(migrationLockKey)], transaction: token)
    try await connection.execute("SET LOCAL lock_timeout = '5s'", transaction: token)
    try await connection.execute(createHistory, transaction: token)
    let recorded = try await connection.query(
      "SELECT 1 FROM schema_migrations WHERE version = $1", [String(migration.version)], transaction: token)
    switch direction {
    case .up:
      guard recorded.isEmpty else { return false }
      try await connection.execute(sql, transaction: token)
      _ = try await connection.query(
        "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
        [String(migration.version), migration.name, migration.checksum], transaction: token)
    case .down:
      guard !recorded.isEmpty else { return false }
      try await connection.execute(sql, transaction: token)
      _ = try await connection.query(
        "DELETE FROM schema_migrations WHERE version = $1", [String(migration.version)], transaction: token)
    }
    return true
  }

  func close() async {
    await pool.close()
  }
}
