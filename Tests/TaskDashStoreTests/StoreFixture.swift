import Foundation
import TaskDashModel
import TaskDashStore

/// One test's private database: the three store values under test and raw sessions beside them.
struct StoreFixture: Sendable {
  let backend: TestBackend
  let reader: any DashboardReading
  let writer: any DashboardWriting
  let driver: any MigrationDriver
  /// A read-write session of its own, outside the stores.
  let raw: RawSession
  /// The reader's own session, to show that it cannot write.
  let readerSession: RawSession
  /// Closes everything and removes the database.
  let tearDown: @Sendable () async -> Void
  /// Opens the backend's maintenance store on this database (closed by the caller).
  let openMaintainer: @Sendable () async throws -> any MaintenanceWriting
  /// Where the database is: its connection string (PostgreSQL) or its file (SQLite).
  let location: String

  /// A migrator over the embedded catalog of this backend's dialect.
  func migrator() throws -> Migrator {
    Migrator(catalog: try MigrationCatalog.embedded(backend.dialect), driver: driver)
  }

  /// Runs `body` in one write transaction.
  func write<T: Sendable>(_ body: @Sendable (any WriteTransaction) async throws -> T) async throws -> T {
    try await writer.transaction(body)
  }

  /// Total, successful and failed runs of a task, counted from task_runs itself.
  func realCounts(of taskID: UUID) async throws -> [Int] {
    let id = taskID.uuidString.lowercased()
    return [
      try await raw.integer("SELECT count(*) FROM task_runs WHERE task_id = '\(id)'") ?? -1,
      try await raw.integer("SELECT count(*) FROM task_runs WHERE task_id = '\(id)' AND status = 'completed'") ?? -1,
      try await raw.integer(
        "SELECT count(*) FROM task_runs WHERE task_id = '\(id)' AND status IN ('failed', 'timeout')") ?? -1,
    ]
  }

  /// The schema objects, one line each (see `TestBackend.catalogSQL`).
  func catalog() async throws -> [String] {
    try await raw.values(backend.catalogSQL).map { $0 ?? "" }
  }
}

extension TestBackend {
  var dialect: SQLDialect { engine }

  /// Runs `body` with a fresh database and tears it down afterwards, whether `body` threw or not.
  func withFixture(migrated: Bool = true, _ body: (StoreFixture) async throws -> Void) async throws {
    let fixture = try await makeFixture(migrated: migrated)
    do {
      try await body(fixture)
    } catch {
      await fixture.tearDown()
      throw error
    }
    await fixture.tearDown()
  }
}
