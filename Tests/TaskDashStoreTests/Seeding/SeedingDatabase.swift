import Foundation
import TaskDashPostgres
import TaskDashStore

@testable import TaskDashSQLite

/// A fresh database for seeding tests that can open as many writers as a test needs (two
/// concurrent seeds need two connections), with plain SQL beside them to count rows.
struct SeedingDatabase: Sendable {
  let backend: TestBackend
  let openWriter: @Sendable () async throws -> any DashboardWriting
  let openReader: @Sendable () async throws -> any DashboardReading
  let driver: any MigrationDriver
  /// The first column of every row of a query, as text.
  let values: @Sendable (String) async throws -> [String?]
  let tearDown: @Sendable () async -> Void

  /// The backends the seeding tests run on: PostgreSQL too unless TASKDASH_SKIP_POSTGRES=1
  /// (without TASKDASH_TEST_DATABASE_URL its cases fail, they do not skip).
  static let backends: [TestBackend] =
    ProcessInfo.processInfo.environment["TASKDASH_SKIP_POSTGRES"] == "1" ? [.sqlite] : [.sqlite, .postgres]

  /// Runs `body` with a fresh database (migrated unless `migrated` is false), then removes it.
  static func with(
    _ backend: TestBackend, migrated: Bool = true, _ body: (SeedingDatabase) async throws -> Void
  ) async throws {
    let database = try await make(backend)
    do {
      if migrated {
        try await Migrator(catalog: try MigrationCatalog.embedded(backend.dialect), driver: database.driver).up()
      }
      try await body(database)
    } catch {
      await database.tearDown()
      throw error
    }
    await database.tearDown()
  }

  /// The number of rows of `table`.
  func count(_ table: String) async throws -> Int {
    Int(try await values("SELECT count(*) FROM \(table)").first.flatMap { $0 } ?? "") ?? -1
  }

  /// Rows of the four tables, in the order tasks, task_runs, metric_snapshots, artifacts.
  func counts() async throws -> [Int] {
    var result: [Int] = []
    for table in ["tasks", "task_runs", "metric_snapshots", "artifacts"] {
      result.append(try await count(table))
    }
    return result
  }

  /// Tasks whose stored counters differ from the counts of their runs (empty when all agree).
  func tasksWithWrongCounters() async throws -> [String?] {
    try await values(
      """
      SELECT t.name FROM tasks t
      WHERE t.total_runs <> (SELECT count(*) FROM task_runs r WHERE r.task_id = t.id)
         OR t.successful_runs <> (SELECT count(*) FROM task_runs r WHERE r.task_id = t.id AND r.status = 'completed')
         OR t.failed_runs <> (SELECT count(*) FROM task_runs r
                              WHERE r.task_id = t.id AND r.status IN ('failed', 'timeout'))
      """)
  }

  /// Every row of the runs, metrics and artifacts as one text line each, in a stable order,
  /// without the database-assigned metric ids.
  func dump() async throws -> [String?] {
    let runs = try await values(
      """
      SELECT id || ' ' || task_id || ' ' || run_number || ' ' || status || ' ' || coalesce(error_message, '')
      FROM task_runs ORDER BY id
      """)
    let tasks = try await values(
      "SELECT id || ' ' || name || ' ' || status || ' ' || total_runs || ' ' || successful_runs FROM tasks ORDER BY id")
    let metrics = try await values(
      """
      SELECT task_run_id || ' ' || name || ' ' || value || ' ' || timestamp FROM metric_snapshots
      ORDER BY task_run_id, name, timestamp
      """)
    let artifacts = try await values(
      "SELECT id || ' ' || name || ' ' || coalesce(file_hash, '') || ' ' || coalesce(file_size, 0) FROM artifacts ORDER BY id"
    )
    return tasks + runs + metrics + artifacts
  }

  private static func make(_ backend: TestBackend) async throws -> SeedingDatabase {
    switch backend.engine {
    case .sqlite: try await makeSQLite()
    case .postgres: try await makePostgres()
    }
  }

  private static func makeSQLite() async throws -> SeedingDatabase {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("taskdash-seeding-tests-\(UUID().uuidString.lowercased())")
    let path = directory.appendingPathComponent("seed.sqlite").path
    let driver = try await SQLiteBackend.migrationDriver(path: path, creating: true)
    let raw = try await SQLiteConnection.open(path: path, mode: .readWrite(creating: false))
    return SeedingDatabase(
      backend: .sqlite,
      openWriter: { try await SQLiteBackend.writer(path: path) },
      openReader: { try await SQLiteBackend.reader(path: path) },
      driver: driver,
      values: { sql in
        try await raw.perform { database in
          try database.prepared(sql) { statement in
            var values: [String?] = []
            while try statement.step() { values.append(statement.text(0)) }
            return values
          }
        }
      },
      tearDown: {
        await driver.close()
        await raw.close()
        try? FileManager.default.removeItem(at: directory)
      })
  }

  private static func makePostgres() async throws -> SeedingDatabase {
    guard let server = ProcessInfo.processInfo.environment["TASKDASH_TEST_DATABASE_URL"], !server.isEmpty else {
      throw FixtureError(
        description: "TASKDASH_TEST_DATABASE_URL is not set: start a server with scripts/pg-throwaway start "
          + "and export its URL, or set TASKDASH_SKIP_POSTGRES=1 to leave PostgreSQL out")
    }
    let name = "td_seed_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    try PostgresTestSession(conninfo: server).execute("CREATE DATABASE \(name)")
    let conninfo = try PostgresTestSession.conninfo(server, database: name)
    let raw = try PostgresTestSession(conninfo: conninfo)
    let driver = try await PostgresBackend.migrationDriver(conninfo: conninfo)
    return SeedingDatabase(
      backend: .postgres,
      openWriter: { try await PostgresBackend.writer(conninfo: conninfo) },
      openReader: { try await PostgresBackend.reader(conninfo: conninfo) },
      driver: driver,
      values: { try raw.values($0) },
      tearDown: {
        await driver.close()
        try? PostgresTestSession(conninfo: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
      })
  }
}
