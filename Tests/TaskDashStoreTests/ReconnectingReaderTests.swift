import Foundation
import TaskDashSQLite
import TaskDashStore
import TaskDashTestSupport
import Testing

@Suite struct ReconnectingReaderTests {
  @Test func aBackendThatCannotOpenYetIsOpenedByACallAfterTheRetryTime() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("taskdash-reconnecting-\(UUID().uuidString.lowercased())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("late.sqlite").path
    let clock = ManualClock()
    let reader = ReconnectingReader(now: { clock.now }) { try await SQLiteBackend.reader(path: path) }

    // Given no database yet, when the dashboard polls, then the backend's error comes back.
    await #expect(throws: StoreError.self) { try await reader.health() }

    // When the database appears, then the first poll after the retry time opens it.
    let driver = try await SQLiteBackend.migrationDriver(path: path, creating: true)
    try await Migrator(catalog: try MigrationCatalog.embedded(.sqlite), driver: driver).up()
    await driver.close()
    await #expect(throws: StoreError.self) { try await reader.health() }
    clock.advance(by: ReconnectingReader.defaultRetryWindow)
    #expect(try await reader.health().schemaVersion == (try MigrationCatalog.embedded(.sqlite).latestVersion))
    #expect(try await reader.tasks(TaskQuery()).isEmpty)

    await reader.close()
    await #expect(throws: StoreError.closed) { try await reader.health() }
  }

  @Test func callsMadeWhileAnOpeningIsUnderWayWaitForItInsteadOfOpeningTheirOwn() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("taskdash-reconnecting-\(UUID().uuidString.lowercased())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("shared.sqlite").path
    let driver = try await SQLiteBackend.migrationDriver(path: path, creating: true)
    try await Migrator(catalog: try MigrationCatalog.embedded(.sqlite), driver: driver).up()
    await driver.close()

    // Given an opening that cannot finish until the test lets it,
    let (gate, release) = AsyncStream.makeStream(of: Void.self)
    let opening = _Concurrency.Task<any DashboardReading, any Error> {
      for await _ in gate { break }
      return try await SQLiteBackend.reader(path: path)
    }
    let opens = OpenCounter()
    let reader = ReconnectingReader(opening: opening) {
      await opens.count()
      return try await SQLiteBackend.reader(path: path)
    }

    // when every pane polls at once and then the opening finishes,
    async let health = reader.health()
    async let tasks = reader.tasks(TaskQuery())
    async let runs = reader.runs(RunQuery())
    async let artifacts = reader.artifacts(ArtifactQuery())
    release.yield()
    let answers = try await (health, tasks, runs, artifacts)

    // then all of them were answered by that one backend and no other was opened.
    #expect(answers.0.schemaVersion == (try MigrationCatalog.embedded(.sqlite).latestVersion))
    #expect(await opens.value == 0)
    await reader.close()
  }

  @Test func aFailedOpeningIsNotReusedByTheNextCall() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("taskdash-reconnecting-\(UUID().uuidString.lowercased())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("later.sqlite").path
    let opening = _Concurrency.Task<any DashboardReading, any Error> {
      throw StoreError.connection("the server is down")
    }
    let reader = ReconnectingReader(opening: opening) { try await SQLiteBackend.reader(path: path) }

    // Given an opening that failed, the first call reports its error;
    await #expect(throws: StoreError.connection("the server is down")) { try await reader.health() }

    // when the database is there, the next call opens it anew.
    let driver = try await SQLiteBackend.migrationDriver(path: path, creating: true)
    try await Migrator(catalog: try MigrationCatalog.embedded(.sqlite), driver: driver).up()
    await driver.close()
    #expect(try await reader.health().schemaVersion == (try MigrationCatalog.embedded(.sqlite).latestVersion))
    await reader.close()
  }
}

/// Counts how often a reader opened its backend.
private actor OpenCounter {
  private(set) var value = 0

  func count() {
    value += 1
  }
}
