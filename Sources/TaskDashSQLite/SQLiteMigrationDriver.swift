import Foundation
import TaskDashStore

/// Runs migrations on a SQLite file: each file and its history row in one BEGIN IMMEDIATE
/// transaction, so a failed file leaves neither schema changes nor a history row behind.
struct SQLiteMigrationDriver: MigrationDriver {
  let connection: SQLiteConnection

  private static let createHistory = """
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT
    """
  private static let selectHistory =
    "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
  private static let isApplied = "SELECT count(*) FROM schema_migrations WHERE version = ?1"
  private static let insertHistory = "INSERT INTO schema_migrations (version, name, checksum) VALUES (?1, ?2, ?3)"
  private static let deleteHistory = "DELETE FROM schema_migrations WHERE version = ?1"

  func appliedMigrations() async throws -> [AppliedMigration] {
    try await connection.perform { database in
      try database.readTransaction {
        let hasHistory = try database.prepared(SQLiteReaderSQL.historyExists) { statement in
          try statement.step() && (statement.int(0) ?? 0) > 0
        }
        guard hasHistory else { return [] }
        return try database.prepared(Self.selectHistory) { statement in
          var rows: [AppliedMigration] = []
          while try statement.step() {
            rows.append(
              AppliedMigration(
                version: statement.int(0) ?? 0, name: statement.text(1) ?? "",
                checksum: statement.text(2) ?? "",
                appliedAt: statement.date(3) ?? Date(timeIntervalSince1970: 0)))
          }
          return rows
        }
      }
    }
  }

  func tableNames() async throws -> [String] {
    try await connection.perform { database in
      try database.prepared(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
      ) { statement in
        var names: [String] = []
        while try statement.step() {
          if let name = statement.text(0) { names.append(name) }
        }
        return names
      }
    }
  }

  func run(_ migration: Migration, _ direction: MigrationDirection) async throws -> Bool {
    try await connection.perform { database in
      // BEGIN IMMEDIATE is the migration lock: a second runner waits here (busy timeout),
      // then reads the history the first one committed.
      try database.execute("BEGIN IMMEDIATE")
      do {
        try database.execute(Self.createHistory)
        let applied = try database.prepared(Self.isApplied) { statement in
          try statement.bind([.integer(migration.version)])
          return try statement.step() && (statement.int(0) ?? 0) > 0
        }
        guard applied == (direction == .down) else {
          try database.execute("ROLLBACK")
          return false
        }
        switch direction {
        case .up:
          try database.execute(migration.upSQL)
          try database.prepared(Self.insertHistory) { statement in
            try statement.bind([.integer(migration.version), .text(migration.name), .text(migration.checksum)])
            try statement.run()
          }
        case .down:
          try database.execute(migration.downSQL)
          try database.prepared(Self.deleteHistory) { statement in
            try statement.bind([.integer(migration.version)])
            try statement.run()
          }
        }
        try database.execute("COMMIT")
        return true
      } catch {
        try? database.execute("ROLLBACK")
        throw error
      }
    }
  }

  func close() async {
    await connection.close()
  }
}
