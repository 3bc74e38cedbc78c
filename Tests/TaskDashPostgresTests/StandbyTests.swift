import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashPostgres

/// Against a real streaming standby (`scripts/pg-throwaway standby`) and its primary, named by
/// TASKDASH_TEST_STANDBY_URL and TASKDASH_TEST_STANDBY_PRIMARY_URL: `make test` starts them and
/// sets both; without them these tests are off.
@Suite(.enabled(if: TestDatabase.isEnabled && StandbyServer.url != nil && StandbyServer.primaryURL != nil))
struct StandbyTests {
  static let latestVersion = try! MigrationCatalog.embedded(.postgres).latestVersion

  /// Runs `body` with a migrated database on the primary and the standby's connection string
  /// for it, once the standby has replayed the migrations.
  static func withReplica(_ body: @Sendable (TestDatabase, String) async throws -> Void) async throws {
    let standby = try #require(StandbyServer.url)
    let primary: String = try #require(StandbyServer.primaryURL)
    try await TestDatabase.with(on: primary) { database in
      try await database.migrate()
      let replica = try TestDatabase.conninfo(standby, database: database.name)
      try await waitForReplay(replica)
      try await body(database, replica)
    }
  }

  /// Waits until the standby has the database at the latest schema version (replay is
  /// asynchronous); gives up after ten seconds, which replaying a small database never needs.
  private static func waitForReplay(_ replica: String) async throws {
    for _ in 0..<200 {
      if let reader = try? await PostgresBackend.reader(conninfo: replica) {
        let version = try? await reader.health().schemaVersion
        await reader.close()
        if version == latestVersion { return }
      }
      try await _Concurrency.Task.sleep(for: .milliseconds(50))
    }
    throw TestSetupError("the standby did not replay a new database within 10 s: is it streaming?")
  }

  /// The socket directory (host) and port a libpq URL of the throwaway kind names.
  private static func address(_ url: String) throws -> String {
    let items = URLComponents(string: url)?.queryItems ?? []
    let host = try #require(items.first { $0.name == "host" }?.value)
    return host + ":" + (items.first { $0.name == "port" }?.value ?? "5432")
  }

  @Test func healthOnTheStandbySaysStandbyWithItsAddressAndALag() async throws {
    try await Self.withReplica { _, replica in
      let reader = try await PostgresBackend.reader(conninfo: replica)
      let health = try await reader.health()
      await reader.close()
      let server = try #require(health.server)
      #expect(server.address == (try Self.address(replica)))
      guard case .standby(let lag?) = server.role else {
        Issue.record("expected a standby with a replay lag, got \(server.role)")
        return
      }
      #expect(lag >= .zero)
      #expect(health.schemaVersion == Self.latestVersion)
    }
  }

  @Test func aRowWrittenOnThePrimaryIsReadOnTheStandby() async throws {
    try await Self.withReplica { database, replica in
      let name = "replicated-\(UUID().uuidString.prefix(8))"
      _ = try await database.query("INSERT INTO tasks (name) VALUES ($1)", [name])
      let reader = try await PostgresBackend.reader(conninfo: replica)
      var seen = false
      for _ in 0..<200 where !seen {
        seen = try await reader.tasks(TaskQuery(limit: 50)).contains { $0.task.name == name }
        if !seen { try await _Concurrency.Task.sleep(for: .milliseconds(50)) }
      }
      await reader.close()
      #expect(seen, "the standby replays the primary's insert")
    }
  }

  @Test func aWriterRefusesTheStandbyAtConnectNamingIt() async throws {
    try await Self.withReplica { _, replica in
      let expected = StoreError.readOnlyStandby(address: try Self.address(replica))
      await #expect(throws: expected) { _ = try await PostgresBackend.writer(conninfo: replica) }
      #expect(expected.description.hasSuffix(" is a read-only standby; writes go to the primary"))
      #expect(!expected.isRetryable)
    }
  }

  @Test func migratingTheStandbyIsRefusedButItsStatusIsRead() async throws {
    try await Self.withReplica { _, replica in
      let driver = try await PostgresBackend.migrationDriver(conninfo: replica)
      let migrator = Migrator(catalog: try MigrationCatalog.embedded(.postgres), driver: driver)
      #expect(try await migrator.status().currentVersion == Self.latestVersion)
      await #expect(throws: StoreError.readOnlyStandby(address: try Self.address(replica))) {
        _ = try await migrator.down(.steps(1))
      }
      await driver.close()
    }
  }

  @Test func aMultiHostTargetPreferringStandbysReadsTheStandby() async throws {
    try await Self.withReplica { database, replica in
      let standby = try Self.address(replica).split(separator: ":")
      let primary = try Self.address(database.conninfo).split(separator: ":")
      let both =
        "host=\(standby[0]),\(primary[0]) port=\(standby[1]),\(primary[1]) user=postgres dbname=\(database.name) "
        + "target_session_attrs=prefer-standby"
      let reader = try await PostgresBackend.reader(conninfo: both)
      let server = try #require(try await reader.health().server)
      await reader.close()
      #expect(server.address == (try Self.address(replica)))
      #expect(server.isStandby)
    }
  }
}
