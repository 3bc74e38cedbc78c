import Foundation
import TaskDashStore

@testable import TaskDashSQLite

/// A database file in a fresh temporary directory, removed after the test.
enum TemporaryDatabase {
  /// Runs `body` with the path of a new file, migrated to the latest version unless `migrated`
  /// is false (then the file does not exist yet).
  static func with(migrated: Bool = true, _ body: (String) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("taskdash-sqlite-tests-\(UUID().uuidString.lowercased())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("taskdash.sqlite").path
    if migrated {
      let driver = try await SQLiteBackend.migrationDriver(path: path, creating: true)
      do {
        try await Migrator(catalog: try MigrationCatalog.embedded(.sqlite), driver: driver).up()
      } catch {
        await driver.close()
        throw error
      }
      await driver.close()
    }
    try await body(path)
  }

  /// The first column of every row of `sql`, as text.
  static func values(_ connection: SQLiteConnection, _ sql: String) async throws -> [String] {
    try await connection.perform { database in
      try database.prepared(sql) { statement in
        var values: [String] = []
        while try statement.step() {
          values.append(statement.text(0) ?? "NULL")
        }
        return values
      }
    }
  }
}
