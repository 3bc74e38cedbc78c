import Foundation
import TaskDashStore
import Testing

/// A database without taskdash's history but with tables of its own: what `migrate status`
/// says of it, and that `migrate up` refuses to collide with another program's schema.
@Suite struct ForeignTablesTests {
  /// The four tables as the agent system's ORM makes them, with an Alembic revision and a
  /// table of the application's own; in each dialect's own types.
  static func agentSchema(_ backend: TestBackend) -> String {
    let (uuid, json, time) =
      backend == .postgres ? ("uuid", "json", "timestamptz") : ("CHAR(32)", "TEXT", "DATETIME")
    return """
      CREATE TABLE tasks (id \(uuid) PRIMARY KEY, name VARCHAR(255) NOT NULL, status VARCHAR(9) NOT NULL,
                          config \(json), created_at \(time), updated_at \(time));
      CREATE TABLE task_runs (id \(uuid) PRIMARY KEY, task_id \(uuid) REFERENCES tasks (id), status VARCHAR(9),
                              run_number INTEGER, created_at \(time));
      CREATE TABLE metric_snapshots (id \(uuid) PRIMARY KEY, task_run_id \(uuid), name VARCHAR(255), value FLOAT,
                                     "timestamp" \(time));
      CREATE TABLE artifacts (id \(uuid) PRIMARY KEY, task_run_id \(uuid), name VARCHAR(255), metadata \(json));
      CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
      INSERT INTO alembic_version VALUES ('3f2a9c1d0b7e');
      CREATE TABLE agent_memory (id INTEGER PRIMARY KEY, content TEXT);
      INSERT INTO tasks (id, name, status) VALUES ('\(backend == .postgres ? "0b6f2d4e-8c1a-4e7b-9f3d-2a5c6e8b1d40" : "0b6f2d4e8c1a4e7b9f3d2a5c6e8b1d40")', 'ingest', 'RUNNING');
      """
  }

  @Test(arguments: TestBackend.allCases)
  func anAgentsSchemaIsExternalAndMigrateUpChangesNothing(_ backend: TestBackend) async throws {
    try await backend.withFixture(migrated: false) { store in
      try await store.raw.execute(Self.agentSchema(backend))
      let before = try await store.catalog()
      let migrator = try store.migrator()

      let status = try await migrator.status()
      #expect(status.currentVersion == nil)
      let foreign = try #require(status.foreign)
      #expect(foreign.isExternalSchema)
      #expect(foreign.hasAlembic)
      #expect(foreign.collisions == ["tasks", "task_runs", "metric_snapshots", "artifacts"])
      #expect(foreign.others == ["agent_memory"])
      #expect(status.verdict == .foreign(foreign))
      #expect(
        status.advice(for: "db")
          == "db holds an external schema: tasks, task_runs, metric_snapshots, artifacts; alembic_version present; "
          + "1 other table; taskdash reads it as it is but never writes it; migrate up would collide with tasks, "
          + "task_runs, metric_snapshots, artifacts; to add taskdash's read indexes instead, run: taskdash migrate adopt"
      )

      await #expect(throws: MigrationError.collision(foreign)) { try await migrator.up() }
      #expect(try await store.catalog() == before)
      #expect(try await store.raw.integer("SELECT count(*) FROM tasks") == 1)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func onlyTheApplicationsOwnTablesAreNoObstacle(_ backend: TestBackend) async throws {
    try await backend.withFixture(migrated: false) { store in
      try await store.raw.execute("CREATE TABLE agent_memory (id INTEGER PRIMARY KEY, content TEXT)")
      let migrator = try store.migrator()
      let status = try await migrator.status()
      #expect(status.foreign?.summary == "no taskdash tables; 1 other table")
      #expect(status.verdict == .blank)
      #expect(try await migrator.up() == migrator.catalog.migrations.map(\.version))
      #expect(try await store.raw.integer("SELECT count(*) FROM agent_memory") == 0)
      #expect(try await migrator.status().foreign == nil)
    }
  }

  @Test func aBlankDatabaseAndAPartialCollisionAreToldApart() {
    #expect(ForeignTables(tables: ["schema_migrations"]).summary == "a blank database")
    #expect(ForeignTables(tables: []).collisions.isEmpty)
    let partial = ForeignTables(tables: ["tasks", "users", "alembic_version"])
    #expect(!partial.isExternalSchema)
    #expect(partial.collisions == ["tasks"])
    #expect(partial.summary == "some of taskdash's tables: tasks; alembic_version present; 1 other table")
    #expect(
      MigrationError.collision(partial).description
        == "the database already has tasks without taskdash's history: taskdash's migrations would collide with "
        + "them; nothing was changed")
  }
}
