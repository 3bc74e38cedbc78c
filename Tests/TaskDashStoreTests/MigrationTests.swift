import Foundation
import TaskDashStore
import Testing

@Suite struct MigrationTests {
  @Test(arguments: TestBackend.allCases)
  func upDownAllAndUpAgainGiveTheSameCatalog(_ backend: TestBackend) async throws {
    try await backend.withFixture(migrated: false) { store in
      let migrator = try store.migrator()
      let versions = migrator.catalog.migrations.map(\.version)
      #expect(try await store.catalog().isEmpty)

      #expect(try await migrator.up() == versions)
      let migrated = try await store.catalog()
      #expect(migrated.contains { $0.contains("task_runs") })

      #expect(try await migrator.down(.all) == versions.reversed())
      #expect(try await store.catalog() == [], "down drops everything up created")
      #expect(try await store.driver.appliedMigrations().isEmpty)

      #expect(try await migrator.up() == versions)
      #expect(try await store.catalog() == migrated)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aSecondUpHasNothingToDo(_ backend: TestBackend) async throws {
    try await backend.withFixture(migrated: false) { store in
      let migrator = try store.migrator()
      let migration = try #require(migrator.catalog.migrations.first)
      let versions = migrator.catalog.migrations.map(\.version)
      #expect(try await migrator.up() == versions)
      let catalog = try await store.catalog()

      #expect(try await migrator.up() == [])
      // Under the lock the driver re-reads the history, so a runner that planned before the
      // other committed does nothing.
      #expect(try await store.driver.run(migration, .up) == false)
      #expect(try await store.catalog() == catalog)

      let history = try await store.driver.appliedMigrations()
      #expect(history.map(\.version) == versions)
      #expect(history.first?.name == migration.name)
      #expect(history.first?.checksum == migration.checksum)
      #expect(try await migrator.status().isCurrent)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aDownOfAnUnappliedVersionDoesNothing(_ backend: TestBackend) async throws {
    try await backend.withFixture(migrated: false) { store in
      let migration = try #require(try store.migrator().catalog.migrations.first)
      #expect(try await store.driver.run(migration, .down) == false)
      #expect(try await store.catalog().isEmpty)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aChangedAppliedFileIsRefusedByName(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let catalog = try store.migrator().catalog
      var edited = catalog.migrations
      edited[0].upSQL += "\n-- edited after it was applied\n"
      let drifted = Migrator(catalog: MigrationCatalog(migrations: edited), driver: store.driver)

      let error = await #expect(throws: MigrationError.self) { try await drifted.up() }
      #expect(error == .drift(fileName: "0001_create_schema.up.sql"))
      #expect(error?.description.contains("0001_create_schema.up.sql") == true)
      await #expect(throws: MigrationError.drift(fileName: "0001_create_schema.up.sql")) {
        try await drifted.down(.all)
      }
      #expect(try await drifted.status().drifted == ["0001_create_schema.up.sql"])
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aFailingMigrationLeavesNeitherSchemaNorHistory(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let before = try await store.catalog()
      let applied = try await store.driver.appliedMigrations().map(\.version)
      let broken = Migration(
        version: (applied.last ?? 0) + 1, name: "broken",
        upSQL: "CREATE TABLE half_done (a integer);\nINSERT INTO no_such_table VALUES (1);\n",
        downSQL: "DROP TABLE half_done;\n")

      await #expect(throws: (any Error).self) { try await store.driver.run(broken, .up) }

      #expect(try await store.catalog() == before)
      #expect(try await store.driver.appliedMigrations().map(\.version) == applied)
    }
  }
}
