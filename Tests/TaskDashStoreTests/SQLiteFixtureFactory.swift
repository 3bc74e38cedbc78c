import Foundation
import TaskDashStore

@testable import TaskDashSQLite

/// Fresh SQLite databases: one file in a new temporary directory per test.
enum SQLiteFixtureFactory {
  static func make(migrated: Bool) async throws -> StoreFixture {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("taskdash-store-tests-\(UUID().uuidString.lowercased())")
    // A directory that does not exist yet: the writer and the driver create it.
    let path = directory.appendingPathComponent("nested/taskdash.sqlite").path
    let driver = try await SQLiteBackend.migrationDriver(path: path, creating: true)
    if migrated {
      try await Migrator(catalog: try MigrationCatalog.embedded(.sqlite), driver: driver).up()
    }
    let writer = try await SQLiteBackend.writer(path: path)
    let reader = try await SQLiteBackend.reader(path: path)
    let rawConnection = try await SQLiteConnection.open(path: path, mode: .readWrite(creating: false))
    guard let sqliteReader = reader as? SQLiteReader else {
      throw StoreError.query(sqlState: nil, message: "SQLiteBackend.reader returned another type")
    }
    return StoreFixture(
      backend: .sqlite, reader: reader, writer: writer, driver: driver,
      raw: session(rawConnection), readerSession: session(sqliteReader.connection),
      tearDown: {
        await reader.close()
        await writer.close()
        await driver.close()
        await rawConnection.close()
        try? FileManager.default.removeItem(at: directory)
      },
      openMaintainer: { try await SQLiteBackend.maintainer(path: path) }, location: path)
  }

  private static func session(_ connection: SQLiteConnection) -> RawSession {
    RawSession(
      execute: { sql in try await connection.perform { try $0.execute(sql) } },
      values: { sql in
        try await connection.perform { database in
          try database.prepared(sql) { statement in
            var values: [String?] = []
            while try statement.step() {
              values.append(statement.text(0))
            }
            return values
          }
        }
      })
  }
}
