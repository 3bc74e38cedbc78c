import Foundation
import TaskDashSQLite
import TaskDashStore
import Testing

@Suite struct ReconnectingReaderTests {
  @Test func aBackendThatCannotOpenYetIsOpenedByALaterCall() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("taskdash-reconnecting-\(UUID().uuidString.lowercased())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("late.sqlite").path
    let reader = ReconnectingReader { try await SQLiteBackend.reader(path: path) }

    // Given no database yet, when the dashboard polls, then the backend's error comes back.
    await #expect(throws: StoreError.self) { try await reader.health() }

    // When the database appears, then the next poll opens it.
    let driver = try await SQLiteBackend.migrationDriver(path: path)
    try await Migrator(catalog: try MigrationCatalog.embedded(.sqlite), driver: driver).up()
    await driver.close()
    #expect(try await reader.health().schemaVersion == 1)
    #expect(try await reader.tasks(TaskQuery()).isEmpty)

    await reader.close()
    await #expect(throws: StoreError.closed) { try await reader.health() }
  }
}
