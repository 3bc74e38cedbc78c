import Foundation
import TaskDashStore

/// Runs migrations on PostgreSQL: one transaction per migration and its history row, under a
/// transaction-scoped advisory lock, with a `lock_timeout` on the DDL.
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
    let connection = try await pool.acquire().connection
    await pool.release(connection)
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

  func run(_ migration: Migration, _ direction: MigrationDirection) async throws -> Bool {
    try await pool.withConnection(retry: false) { connection in
      // Here rather than at connect: `migrate status` and `check` only read, and may ask a
      // standby.
      try await connection.refuseStandby()
      let token = try await connection.begin()
      do {
        let changed = try await Self.apply(migration, direction, on: connection, token: token)
        try await connection.commit(token)
        return changed
      } catch {
        await connection.rollback(token)
        throw error
      }
    }
  }

  /// The body of one migration's transaction; false when the history says it is already done.
  private static func apply(
    _ migration: Migration, _ direction: MigrationDirection, on connection: PostgresConnection, token: UInt64
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
      try await connection.execute(migration.upSQL, transaction: token)
      _ = try await connection.query(
        "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
        [String(migration.version), migration.name, migration.checksum], transaction: token)
    case .down:
      guard !recorded.isEmpty else { return false }
      try await connection.execute(migration.downSQL, transaction: token)
      _ = try await connection.query(
        "DELETE FROM schema_migrations WHERE version = $1", [String(migration.version)], transaction: token)
    }
    return true
  }

  func close() async {
    await pool.close()
  }
}
