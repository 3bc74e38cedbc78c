import TaskDashModel
import TaskDashStore
import Testing

@Suite struct HealthTests {
  @Test(arguments: TestBackend.allCases)
  func healthReportsTheLatestSchemaVersionOnAMigratedDatabase(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let health = try await store.reader.health()
      #expect(health.schemaVersion == (try store.migrator().catalog.latestVersion))
      #expect(health.serverVersion.contains("."))
      #expect(health.roundTrip >= .zero)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func healthNamesThePostgresServerAsAPrimaryAndSQLiteAsNoServer(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let server = try await store.reader.health().server
      switch backend.engine {
      case .sqlite:
        #expect(server == nil)
      case .postgres:
        // The test server is a primary; libpq names the host (or socket directory) it reached.
        let server = try #require(server)
        #expect(server.role == .primary)
        #expect(!server.host.isEmpty)
        #expect(Int(server.port) != nil)
      }
    }
  }

  @Test(arguments: TestBackend.allCases)
  func healthReportsNoSchemaVersionOnABlankDatabase(_ backend: TestBackend) async throws {
    try await backend.withFixture(migrated: false) { store in
      let health = try await store.reader.health()
      #expect(health.schemaVersion == nil)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aClosedReaderRefusesToRead(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      await store.reader.close()
      await #expect(throws: StoreError.self) { try await store.reader.health() }
    }
  }
}
