import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashPostgres

/// `migrate adopt` on the agent system's own tables at 200,000 runs: afterwards every read the
/// dashboard sends, through the session's views, reads the big tables by index scans only.
@Suite(.enabled(if: TestDatabase.isEnabled))
struct AdoptedPlanTests {
  /// 50 tasks, 200,000 runs, 200,000 snapshots (100 on each of the newest 2,000 runs) and
  /// 20,000 artifacts, in the agent's conventions (enum names, json, UUID snapshot ids).
  static let generate = """
    INSERT INTO tasks (id, name, status, total_runs, successful_runs, failed_runs, config, created_at, updated_at)
    SELECT gen_random_uuid(), 'task ' || i,
           (ARRAY['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'PAUSED'])[1 + i % 6]::taskstatus,
           0, 0, 0, '{}', now() - interval '30 days', now()
      FROM generate_series(1, 50) i;
    CREATE TEMP TABLE task_keys AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM tasks;
    INSERT INTO task_runs (id, task_id, run_number, status, created_at, updated_at, started_at, duration, error_message)
    SELECT gen_random_uuid(), tk.id, i / 50 + 1,
           (CASE WHEN i % 100 < 80 THEN 'COMPLETED' WHEN i % 100 < 92 THEN 'FAILED'
                 WHEN i % 100 < 95 THEN 'TIMEOUT' WHEN i % 100 < 98 THEN 'CANCELLED'
                 WHEN i % 100 < 99 THEN 'PENDING' ELSE 'RUNNING' END)::runstatus,
           now() - make_interval(secs => 200000 - i), now() - make_interval(secs => 200000 - i),
           now() - make_interval(secs => 200000 - i), 1.5,
           CASE WHEN i % 100 BETWEEN 80 AND 94 THEN 'TimeoutError: step ' || i % 7 || ' exceeded 30s' END
      FROM generate_series(0, 199999) i JOIN task_keys tk ON tk.k = i % 50;
    CREATE TEMP TABLE run_keys AS
    SELECT id, task_id, row_number() OVER (ORDER BY created_at DESC, id DESC) - 1 AS k FROM task_runs;
    CREATE INDEX ON run_keys (k);
    ANALYZE run_keys;
    INSERT INTO metric_snapshots (id, task_id, task_run_id, name, metric_type, value, labels, "timestamp")
    SELECT gen_random_uuid(), rk.task_id, rk.id, 'metric_' || (i % 5), 'GAUGE', i * 0.5, '{}',
           now() - make_interval(secs => (200000 - i) * 0.5)
      FROM generate_series(0, 199999) i JOIN run_keys rk ON rk.k = i % 2000;
    INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content, metadata, created_at, updated_at)
    SELECT gen_random_uuid(), rk.task_id, rk.id, 'artifact ' || i, 'LOG', repeat('line ' || i || E'\\n', 20), '{}',
           now() - make_interval(secs => 20000 - i), now()
      FROM generate_series(0, 19999) i JOIN run_keys rk ON rk.k = i % 20000;
    """

  @Test func afterAdoptEveryReadThroughTheViewsIsAnIndexScan() async throws {
    try await TestDatabase.with { database in
      let admin = try await database.adminConnection()
      try await admin.execute(AgentSchema.postgres)
      try await admin.execute(Self.generate)

      let adopter = PostgresAdopter(conninfo: database.conninfo)
      let statements = try await adopter.adoptStatements()
      // The look-ups by id are the primary key's here: the ids are native UUIDs, shown as stored.
      #expect(
        statements.filter { $0.hasPrefix("CREATE INDEX CONCURRENTLY") }.count
          == AdoptionIndex.all.filter { !$0.onlyConverted }.count)
      for statement in statements { try await adopter.execute(statement) }
      #expect(try await adopter.adoptStatements().isEmpty, "a second adopt has nothing to add")
      await adopter.close()
      try await admin.execute("VACUUM ANALYZE")
      let runs = try await database.query("SELECT count(*) FROM task_runs")
      #expect(try runs.first?.int(0) == 200_000)

      let session = try await PostgresConnection.connect(conninfo: database.conninfo, settings: .reader)
      #expect(try await ExternalViews.install(on: session) == .adopted)
      var reads = try await QueryPlanTests.statements(database).filter {
        // The history is taskdash's and the rollups are taskdash's: neither is read here.
        $0.label != "schema version" && !$0.label.hasSuffix("minutes")
      }
      let (_, runID) = try await Self.sample(database)
      let query = MetricHistoryQuery(scope: .run(runID), name: "metric_1", buckets: 1_000)
      let grid = try #require(
        BucketGrid(query, first: Date(timeIntervalSinceNow: -500_000), last: Date(), ticksPerSecond: 1_000_000))
      reads.append(
        (
          "metric history buckets, whole minutes from points",
          try MetricHistoryStatements.buckets(
            query, grid: grid, minutes: false)
        ))
      for (label, statement) in reads {
        for (form, json) in [
          (
            "custom",
            try #require(try await session.query("EXPLAIN (FORMAT JSON) " + statement.sql, statement.parameters).first)
              .string(0)
          ),
          ("generic", try await QueryPlanTests.genericPlan(statement, on: session)),
        ] {
          let plan = try PlanInspector(json: json)
          print("adopted plan \(label) (\(form)): \(plan.outline)")
          let scans = plan.violations.filter { $0.contains(" on ") }
          #expect(scans.isEmpty, "\(label) (\(form)): \(scans) in \(plan.outline)")
        }
      }
      await session.close()
    }
  }

  /// A task and a run that has snapshots.
  static func sample(_ database: TestDatabase) async throws -> (task: UUID, run: UUID) {
    let row = try #require(
      try await database.query("SELECT task_id, task_run_id FROM metric_snapshots ORDER BY \"timestamp\" DESC LIMIT 1")
        .first)
    return (try row.uuid(0), try row.uuid(1))
  }
}
