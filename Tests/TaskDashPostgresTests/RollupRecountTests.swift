import Foundation
import Testing

@testable import TaskDashPostgres

/// After UPDATE and DELETE the rollups equal what the snapshots say, for series of a run and for
/// series of a task alone (migration 0009 recounts the two kinds by separate statements).
@Suite(.enabled(if: TestDatabase.isEnabled))
struct RollupRecountTests {
  /// Rows of the rollups that a fresh grouping of the snapshots does not give, and the other way.
  static let mismatches = """
    WITH truth AS (
      SELECT coalesce(task_run_id, '00000000-0000-0000-0000-000000000000') AS task_run_id, name,
             taskdash_minute("timestamp") AS minute, coalesce(task_id, '00000000-0000-0000-0000-000000000000') AS task_id,
             count(*) AS points, min(value) AS low, max(value) AS high, min("timestamp") AS first_at,
             max("timestamp") AS last_at
        FROM metric_snapshots GROUP BY 1, 2, 3, 4),
    held AS (SELECT task_run_id, name, minute, task_id, points, low, high, first_at, last_at FROM metric_rollups)
    SELECT (SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM held) a)
         + (SELECT count(*) FROM (SELECT * FROM held EXCEPT SELECT * FROM truth) b)
    """

  @Test func updatesAndDeletesOfRunAndTaskSeriesLeaveExactRollups() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let admin = try await database.adminConnection()
      try await admin.execute(
        """
        INSERT INTO tasks (id, name) VALUES ('11111111-1111-1111-1111-111111111111', 'recount');
        INSERT INTO task_runs (id, task_id, status)
          VALUES ('22222222-2222-2222-2222-222222222222', '11111111-1111-1111-1111-111111111111', 'completed');
        INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, "timestamp")
        SELECT '11111111-1111-1111-1111-111111111111',
               CASE WHEN g % 2 = 0 THEN '22222222-2222-2222-2222-222222222222'::uuid END,
               'm' || (g % 3), 'gauge', g, now() - make_interval(secs => g * 7)
          FROM generate_series(1, 3000) g;
        """)
      #expect(try await admin.query(Self.mismatches).first?.int(0) == 0)
      try await admin.execute(
        """
        UPDATE metric_snapshots SET value = -value WHERE value::integer % 5 = 0;
        DELETE FROM metric_snapshots WHERE value::integer % 7 = 0;
        DELETE FROM metric_snapshots WHERE task_run_id IS NULL AND value::integer % 11 = 0;
        """)
      #expect(try await admin.query(Self.mismatches).first?.int(0) == 0)
      // Both kinds of series are still there, so both statements of the recount ran.
      let kinds = try await admin.query(
        "SELECT count(DISTINCT task_run_id = '00000000-0000-0000-0000-000000000000') FROM metric_rollups")
      #expect(try kinds.first?.int(0) == 2)
      await admin.close()
    }
  }
}
