import Foundation
import TaskDashModel
import TaskDashPostgres
import TaskDashSQLite
import TaskDashStore
import TaskDashTestSupport
import Testing

/// What the reader does with an external schema that lacks columns: an optional one shows as
/// empty, a required one is named in one line with its table.
@Suite struct ExternalSchemaReadingTests {
  /// The agent's DDL with `cut` removed from it.
  static func ddl(_ backend: TestBackend, cutting cut: [String]) -> String {
    cut.reduce(backend.engine == .sqlite ? AgentSchema.sqlite : AgentSchema.postgres) {
      $0.replacingOccurrences(of: $1, with: "")
    }
  }

  static func reader(_ store: StoreFixture) async throws -> any DashboardReading {
    store.backend.engine == .sqlite
      ? try await SQLiteBackend.reader(path: store.location)
      : try await PostgresBackend.reader(conninfo: store.location)
  }

  @Test(arguments: TestBackend.allCases)
  func anOptionalColumnTheTableLacksShowsAsEmpty(_ backend: TestBackend) async throws {
    try await backend.withFixture(migrated: false) { store in
      try await store.raw.execute(Self.ddl(backend, cutting: ["description TEXT, "]))
      let id = backend.engine == .sqlite ? "0b6f2d4e8c1a4e7b9f3d2a5c6e8b1d40" : "0b6f2d4e-8c1a-4e7b-9f3d-2a5c6e8b1d40"
      let status = backend.engine == .sqlite ? "'PAUSED'" : "'PAUSED'::taskstatus"
      try await store.raw.execute(
        """
        INSERT INTO tasks (id, name, status, total_runs, successful_runs, failed_runs, created_at, updated_at)
        VALUES ('\(id)', 'ingest', \(status), 0, 0, 0, '2026-12-01 10:00:00', '2026-12-01 10:00:00')
        """)
      let reader = try await Self.reader(store)
      let health = try await reader.health()
      let tasks = try await reader.tasks(TaskQuery())
      await reader.close()
      #expect(health.origin == .external)
      let task = try #require(tasks.first?.task)
      #expect(task.id == UUID(uuidString: "0b6f2d4e-8c1a-4e7b-9f3d-2a5c6e8b1d40"))
      #expect(task.name == "ingest" && task.status == .known(.paused) && task.description == nil)
      #expect(task.config == "{}", "a NULL config reads as the empty object taskdash's schema defaults to")
      #expect(task.createdAt == ISO8601DateFormatter().date(from: "2026-12-01T10:00:00Z"))
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aRequiredColumnTheTableLacksIsNamedInOneLine(_ backend: TestBackend) async throws {
    try await backend.withFixture(migrated: false) { store in
      let cut = [
        "run_number INTEGER NOT NULL, ", "CONSTRAINT uq_task_runs_task_id_run_number UNIQUE (task_id, run_number),",
      ]
      try await store.raw.execute(Self.ddl(backend, cutting: cut))
      let error = await #expect(throws: StoreError.self) { try await Self.reader(store) }
      guard case .schema(let message) = error else {
        Issue.record("expected a schema error, got \(String(describing: error))")
        return
      }
      #expect(
        message
          == "the external schema's table task_runs has no column run_number, which the dashboard needs to show it")
    }
  }
}
