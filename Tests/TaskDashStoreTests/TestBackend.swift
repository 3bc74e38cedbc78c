import Foundation
import TaskDashStore
import Testing

/// The store implementations the conformance suite runs against.
///
/// The external cases read what the test wrote through the agent system's own tables: the
/// fixture writes taskdash's schema as usual, and before every read its rows are copied into the
/// agent's conventions (`ExternalMirror`), which the reader reads through its views.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite
  case postgres
  case sqliteExternal = "sqlite, external schema"
  case postgresExternal = "postgres, external schema"

  /// The backends of the writing, migrating and maintaining tests: taskdash's own schema.
  static var allCases: [TestBackend] {
    // Leaving PostgreSQL out is a deliberate, manual choice; an unset server URL fails instead.
    ProcessInfo.processInfo.environment["TASKDASH_SKIP_POSTGRES"] == "1" ? [.sqlite] : [.sqlite, .postgres]
  }

  /// The backends of the reading tests: each engine on its own schema and on an external one.
  static var reading: [TestBackend] {
    allCases + allCases.map { $0 == .sqlite ? .sqliteExternal : .postgresExternal }
  }

  var testDescription: String { rawValue }

  /// The database engine, whichever schema it holds.
  var engine: SQLDialect {
    switch self {
    case .sqlite, .sqliteExternal: .sqlite
    case .postgres, .postgresExternal: .postgres
    }
  }

  /// The backend on taskdash's own schema with the same engine.
  var own: TestBackend { engine == .sqlite ? .sqlite : .postgres }

  /// Whether the reader reads an external schema.
  var isExternal: Bool { own != self }

  /// A fresh database for one test, migrated to the latest version unless `migrated` is false.
  func makeFixture(migrated: Bool) async throws -> StoreFixture {
    switch self {
    case .sqlite: try await SQLiteFixtureFactory.make(migrated: migrated)
    case .postgres: try await PostgresFixtureFactory.make(migrated: migrated)
    case .sqliteExternal, .postgresExternal:
      try await ExternalMirror.make(base: try await own.makeFixture(migrated: migrated), as: self)
    }
  }

  // MARK: - Hostile rows (other programs write these tables too)

  /// SQL that gives an existing task a status this build does not know, bypassing the CHECK.
  func unknownTaskStatusSQL(taskID: UUID, status: String) -> String {
    let id = taskID.uuidString.lowercased()
    switch engine {
    case .sqlite:
      return """
        PRAGMA ignore_check_constraints = 1;
        UPDATE tasks SET status = '\(status)' WHERE id = '\(id)';
        PRAGMA ignore_check_constraints = 0;
        """
    case .postgres:
      return Self.postgresDropStatusChecks(table: "tasks") + "UPDATE tasks SET status = '\(status)' WHERE id = '\(id)';"
    }
  }

  /// SQL that gives an existing run a status this build does not know, bypassing the CHECK.
  func unknownRunStatusSQL(runID: UUID, status: String) -> String {
    let id = runID.uuidString.lowercased()
    switch engine {
    case .sqlite:
      return """
        PRAGMA ignore_check_constraints = 1;
        UPDATE task_runs SET status = '\(status)' WHERE id = '\(id)';
        PRAGMA ignore_check_constraints = 0;
        """
    case .postgres:
      return Self.postgresDropStatusChecks(table: "task_runs")
        + "UPDATE task_runs SET status = '\(status)' WHERE id = '\(id)';"
    }
  }

  /// SQL that renames a task to the most hostile text the database can hold, and the name a
  /// reader must return for it.
  ///
  /// SQLite stores any bytes as TEXT, so the name is not valid UTF-8 (the reader repairs it);
  /// PostgreSQL refuses invalid UTF-8, so the name carries control characters instead.
  func hostileNameSQL(taskID: UUID) -> (sql: String, expected: String) {
    let id = taskID.uuidString.lowercased()
    switch engine {
    case .sqlite:
      return ("UPDATE tasks SET name = CAST(x'41ff42c3' AS TEXT) WHERE id = '\(id)'", "A\u{FFFD}B\u{FFFD}")
    case .postgres:
      return ("UPDATE tasks SET name = E'A\\x1b[2J\\x07B' WHERE id = '\(id)'", "A\u{1b}[2J\u{07}B")
    }
  }

  /// The schema objects of the database (history table excluded), one line each, in a stable
  /// order: equal lists mean equal schemas.
  var catalogSQL: String {
    switch engine {
    case .sqlite:
      return """
        SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '')
        FROM sqlite_schema
        WHERE tbl_name <> 'schema_migrations'
        ORDER BY type, name
        """
    case .postgres:
      return """
        SELECT line FROM (
          SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '
            || is_nullable || ' ' || coalesce(column_default, '') AS line
          FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
          UNION ALL
          SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint
          WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
          UNION ALL
          SELECT 'index ' || indexdef FROM pg_indexes
          WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
          UNION ALL
          SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
          UNION ALL
          SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p
          WHERE p.pronamespace = 'public'::regnamespace
          UNION ALL
          SELECT 'type ' || t.typname FROM pg_type t
          WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')
        ) catalog
        ORDER BY line
        """
    }
  }

  /// Drops every CHECK constraint of `table` that mentions `status` (whatever its name).
  private static func postgresDropStatusChecks(table: String) -> String {
    """
    DO $$
    DECLARE constraint_name text;
    BEGIN
      FOR constraint_name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = '\(table)'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%status%'
      LOOP
        EXECUTE format('ALTER TABLE \(table) DROP CONSTRAINT %I', constraint_name);
      END LOOP;
    END $$;

    """
  }
}
