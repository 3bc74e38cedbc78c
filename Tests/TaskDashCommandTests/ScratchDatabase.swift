import Foundation
import TaskDashDemo
import TaskDashSQLite
import TaskDashStore

@testable import taskdash

/// A SQLite database file in a fresh temporary directory, for one test.
struct ScratchDatabase {
  /// The file's path; the file does not exist until a test creates or migrates it.
  let path: String

  /// The target the commands would resolve for this file.
  var target: DatabaseTarget { .sqlite(path: path) }

  /// Runs `body` with a path in a new directory, and removes the directory afterwards.
  static func with<T>(_ body: (ScratchDatabase) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("taskdash-command-tests-\(UUID().uuidString.lowercased())")
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(ScratchDatabase(path: directory.appendingPathComponent("taskdash.sqlite").path))
  }

  /// Creates the file if needed and applies `catalog`'s migrations up to `version` (all when nil).
  func migrate(_ catalog: MigrationCatalog, to version: Int? = nil) async throws {
    let driver = try await SQLiteBackend.migrationDriver(path: path, creating: true)
    try await Backends.closing({ await driver.close() }) {
      _ = try await Migrator(catalog: catalog, driver: driver).up(to: version)
    }
  }

  /// Migrates to the embedded catalog's latest version, as `taskdash migrate up` does.
  func migrateToLatest() async throws {
    try await migrate(try .embedded(.sqlite))
  }

  /// Migrates, then writes the demo set from a fixed random seed, as `taskdash seed` does.
  func seedDemo() async throws {
    try await migrateToLatest()
    let catalog = try SeedCatalog.embedded()
    try await write { writer in
      _ = try await Seeder(writer: writer, catalog: catalog).seed(.demo, randomSeed: 42, now: Date())
    }
  }

  /// Runs `body` with a writer on the file, closing it afterwards.
  func write(_ body: (any DashboardWriting) async throws -> Void) async throws {
    let writer = try await Backends.writer(target)
    try await Backends.closing({ await writer.close() }) { try await body(writer) }
  }
}
