import Foundation
import Testing

@testable import TaskDashPostgres

/// Migration 0007: every statement that changes one of the four tables notifies `taskdash`
/// once with the table's name, however many rows it touched.
@Suite(.enabled(if: TestDatabase.isEnabled))
struct PushTriggerTests {
  static let rows = 100_000

  /// What the tap received for `statement`, sorted: the statement runs on its own in autocommit,
  /// then a marker is sent, so everything before the marker came from the statement.
  private static func notifications(
    of statement: String, on writer: PostgresConnection, tap: NotificationTap
  ) async throws -> [String] {
    try await writer.execute(statement)
    try await writer.execute("SELECT pg_notify('taskdash', 'marker')")
    return try tap.payloads(until: "marker").sorted()
  }

  @Test func aHundredThousandRowStatementNotifiesOncePerTableWithTheTablesName() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let tap = try NotificationTap(conninfo: database.conninfo, channel: "taskdash")
      let writer = try await database.adminConnection()
      let rows = Self.rows

      #expect(
        try await Self.notifications(
          of: "INSERT INTO tasks (name) SELECT 'task ' || g FROM generate_series(1, \(rows)) g",
          on: writer, tap: tap) == ["tasks"])
      // The run counters (0001) update tasks in the same statement: that is a change of tasks.
      #expect(
        try await Self.notifications(
          of: """
            INSERT INTO task_runs (task_id, status)
            SELECT id, 'running' FROM tasks
            """, on: writer, tap: tap) == ["task_runs", "tasks"])
      #expect(
        try await Self.notifications(
          of: """
            INSERT INTO metric_snapshots (task_run_id, name, metric_type, value)
            SELECT id, 'loss', 'gauge', 0.5 FROM task_runs
            """, on: writer, tap: tap) == ["metric_snapshots"])
      #expect(
        try await Self.notifications(
          of: """
            INSERT INTO artifacts (task_run_id, name, artifact_type)
            SELECT id, 'report', 'report' FROM task_runs
            """, on: writer, tap: tap) == ["artifacts"])
      #expect(
        try await database.query("SELECT count(*) FROM metric_snapshots").first?.int(0) == rows)
      await writer.close()
    }
  }

  @Test func updatesDeletesAndTruncatesNotifyAndATransactionFoldsRepeats() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let tap = try NotificationTap(conninfo: database.conninfo, channel: "taskdash")
      let writer = try await database.adminConnection()
      _ = try await Self.notifications(
        of: "INSERT INTO tasks (name) SELECT 'task ' || g FROM generate_series(1, 10) g", on: writer, tap: tap)

      #expect(
        try await Self.notifications(of: "UPDATE tasks SET max_rounds = 3", on: writer, tap: tap) == ["tasks"])
      // Three statements on one table in one transaction: PostgreSQL folds them into one.
      #expect(
        try await Self.notifications(
          of: """
            BEGIN;
            UPDATE tasks SET max_rounds = 4;
            UPDATE tasks SET max_rounds = 5;
            UPDATE tasks SET max_rounds = 6 WHERE name = 'task 2';
            COMMIT;
            """, on: writer, tap: tap) == ["tasks"])
      // Deleting a task cascades to the three tables that reference it: each cascaded DELETE is
      // a statement on its table, even when it removes no row.
      #expect(
        try await Self.notifications(of: "DELETE FROM tasks WHERE name = 'task 1'", on: writer, tap: tap)
          == ["artifacts", "metric_snapshots", "task_runs", "tasks"])
      // A rolled-back statement changed nothing and tells no one.
      #expect(
        try await Self.notifications(
          of: "BEGIN; DELETE FROM tasks; ROLLBACK;", on: writer, tap: tap) == [])
      #expect(
        try await Self.notifications(of: "TRUNCATE metric_snapshots", on: writer, tap: tap) == ["metric_snapshots"])
      #expect(
        try await Self.notifications(of: "TRUNCATE tasks CASCADE", on: writer, tap: tap).contains("tasks"))
      await writer.close()
    }
  }
}
