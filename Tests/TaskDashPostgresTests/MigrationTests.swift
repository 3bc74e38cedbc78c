import Foundation
import TaskDashStore
import Testing

@testable import TaskDashPostgres

@Suite(.enabled(if: TestDatabase.isEnabled))
struct MigrationTests {
  /// The contract's columns, and those taskdash derives for its own reads (the error pattern and
  /// the minute rollups of 0006), with their PostgreSQL types.
  static let contractColumns: [String: [String: String]] = [
    "tasks": [
      "id": "uuid", "name": "text", "description": "text", "config": "jsonb", "status": "text",
      "max_rounds": "integer", "memory_size": "integer", "total_runs": "integer",
      "successful_runs": "integer", "failed_runs": "integer",
      "created_at": "timestamp with time zone", "updated_at": "timestamp with time zone",
    ],
    "task_runs": [
      "id": "uuid", "task_id": "uuid", "run_number": "integer", "status": "text", "plan": "jsonb",
      "results": "jsonb", "started_at": "timestamp with time zone",
      "completed_at": "timestamp with time zone", "duration": "double precision",
      "error_message": "text", "error_details": "jsonb", "created_at": "timestamp with time zone",
      "updated_at": "timestamp with time zone", "error_pattern": "text",
    ],
    "metric_snapshots": [
      "id": "bigint", "task_id": "uuid", "task_run_id": "uuid", "name": "text", "metric_type": "text",
      "value": "double precision", "unit": "text", "labels": "jsonb",
      "timestamp": "timestamp with time zone",
    ],
    "artifacts": [
      "id": "uuid", "task_id": "uuid", "task_run_id": "uuid", "name": "text", "artifact_type": "text",
      "file_path": "text", "file_size": "bigint", "file_hash": "text", "content_type": "text",
      "content": "text", "metadata": "jsonb", "created_at": "timestamp with time zone",
      "updated_at": "timestamp with time zone",
    ],
    "metric_rollups": [
      "task_run_id": "uuid", "name": "text", "minute": "timestamp with time zone", "task_id": "uuid",
      "points": "bigint", "low": "double precision", "high": "double precision",
      "first_at": "timestamp with time zone", "last_at": "timestamp with time zone",
    ],
  ]

  static let embedded = try! MigrationCatalog.embedded(.postgres)
  /// Every embedded version, oldest first: what `up` applies to a blank database.
  static let versions = embedded.migrations.map(\.version)

  private static func migrator(_ database: TestDatabase, catalog: MigrationCatalog = embedded) async throws
    -> Migrator
  {
    Migrator(catalog: catalog, driver: try await PostgresBackend.migrationDriver(conninfo: database.conninfo))
  }

  private static func columns(_ database: TestDatabase) async throws -> [String: [String: String]] {
    let rows = try await database.query(
      """
      SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
         AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
      """)
    var tables: [String: [String: String]] = [:]
    for row in rows {
      tables[try row.string(0), default: [:]][try row.string(1)] = try row.string(2)
    }
    return tables
  }

  private static func publicFunctions(_ database: TestDatabase) async throws -> [String] {
    try await database.query("SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace")
      .map { try $0.string(0) }
  }

  // MARK: - Up, status, down

  @Test func migrateUpCreatesTheFourTablesWithTheContractColumns() async throws {
    try await TestDatabase.with { database in
      let applied = try await Self.migrator(database).up()
      #expect(applied == Self.versions)
      #expect(try await Self.columns(database) == Self.contractColumns)
    }
  }

  @Test func statusListsTheAppliedMigrationWithItsChecksum() async throws {
    try await TestDatabase.with { database in
      let migrator = try await Self.migrator(database)
      #expect(try await migrator.status().pending.map(\.version) == Self.versions)
      try await migrator.up()
      let status = try await migrator.status()
      #expect(status.applied.map(\.version) == Self.versions)
      #expect(status.applied.first?.name == "create_schema")
      #expect(status.applied.first?.checksum == Self.embedded.migrations.first?.checksum)
      #expect(status.pending.isEmpty)
      #expect(status.isCurrent)
    }
  }

  @Test func downAllLeavesNoTaskdashObjectAndUpAgainRebuildsTheSameCatalog() async throws {
    try await TestDatabase.with { database in
      let migrator = try await Self.migrator(database)
      try await migrator.up()
      let first = try await CatalogDump.of(database)

      #expect(try await migrator.down(.all) == Self.versions.reversed())
      #expect(try await Self.columns(database).isEmpty)
      #expect(try await Self.publicFunctions(database).isEmpty)
      #expect(try await migrator.status().applied.isEmpty)

      #expect(try await migrator.up() == Self.versions)
      let second = try await CatalogDump.of(database)
      #expect(second == first)
      #expect(first.contains { $0.hasPrefix("trigger CREATE TRIGGER task_runs_count_insert") })
      #expect(first.contains("storage artifacts.content e"))
    }
  }

  @Test func upTwiceChangesNothingTheSecondTime() async throws {
    try await TestDatabase.with { database in
      let migrator = try await Self.migrator(database)
      try await migrator.up()
      let before = try await CatalogDump.of(database)
      #expect(try await migrator.up().isEmpty)
      #expect(try await Self.migrator(database).up().isEmpty)
      #expect(try await CatalogDump.of(database) == before)
    }
  }

  @Test func twoMigratorsStartedTogetherOnABlankDatabaseApplyEachVersionOnce() async throws {
    try await TestDatabase.with { database in
      let first = try await Self.migrator(database)
      let second = try await Self.migrator(database)
      async let firstApplied = first.up()
      async let secondApplied = second.up()
      let applied = try await firstApplied + secondApplied
      #expect(applied.sorted() == Self.versions)
      let history = try await database.query(
        "SELECT version, count(*) FROM schema_migrations GROUP BY version ORDER BY version")
      #expect(try history.map { [try $0.int(0), try $0.int(1)] } == Self.versions.map { [$0, 1] })
      #expect(try await Self.columns(database) == Self.contractColumns)
    }
  }

  // MARK: - Refusals and failures

  @Test func anAppliedMigrationWhoseSQLChangedIsRefusedNamingTheFile() async throws {
    try await TestDatabase.with { database in
      try await Self.migrator(database).up()
      var changed = Self.embedded.migrations
      changed[0].upSQL += "\n-- edited after it was applied\n"
      let migrator = try await Self.migrator(database, catalog: MigrationCatalog(migrations: changed))
      await #expect(throws: MigrationError.drift(fileName: "0001_create_schema.up.sql")) {
        try await migrator.up()
      }
      await #expect(throws: MigrationError.drift(fileName: "0001_create_schema.up.sql")) {
        try await migrator.down(.all)
      }
      #expect(try await migrator.status().drifted == ["0001_create_schema.up.sql"])
    }
  }

  @Test func aMigrationThatFailsPartWayLeavesTheSchemaAsItWas() async throws {
    try await TestDatabase.with { database in
      try await Self.migrator(database).up()
      let before = try await CatalogDump.of(database)
      let broken = Migration(
        version: (Self.embedded.latestVersion ?? 0) + 1, name: "half_done",
        upSQL: """
          CREATE TABLE half_done (id integer);
          ALTER TABLE tasks ADD COLUMN extra integer;
          SELECT 1 / 0;
          """,
        downSQL: "DROP TABLE half_done; ALTER TABLE tasks DROP COLUMN extra;")
      let migrator = try await Self.migrator(
        database, catalog: MigrationCatalog(migrations: Self.embedded.migrations + [broken]))
      await #expect {
        try await migrator.up()
      } throws: { error in
        (error as? StoreError) == .query(sqlState: "22012", message: "division by zero")
      }
      #expect(try await CatalogDump.of(database) == before)
      #expect(try await migrator.status().applied.map(\.version) == Self.versions)
      #expect(try await migrator.status().pending.map(\.version) == [broken.version])
    }
  }

  @Test func theHistoryTableIsMissingUntilTheFirstMigration() async throws {
    try await TestDatabase.with { database in
      let driver = try await PostgresBackend.migrationDriver(conninfo: database.conninfo)
      #expect(try await driver.appliedMigrations().isEmpty)
      let exists = try await database.query("SELECT to_regclass('schema_migrations') IS NOT NULL")
      #expect(try exists.first?.bool(0) == false)
      await driver.close()
    }
  }
}
