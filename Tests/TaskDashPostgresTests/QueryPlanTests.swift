import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashPostgres

@Suite(.enabled(if: TestDatabase.isEnabled))
struct QueryPlanTests {
  /// 50 tasks, 1,000,000 runs, 10,000,000 metric snapshots (500 on each of the newest 20,000
  /// runs) and 20,000 artifacts, made by the server: the sizes the dashboard's reads are
  /// promised to stay index scans at.
  static let generate = """
    INSERT INTO tasks (name, status)
    SELECT 'task ' || i, (ARRAY['pending', 'running', 'completed', 'failed', 'cancelled', 'paused'])[1 + i % 6]
      FROM generate_series(1, 50) i;
    CREATE TEMP TABLE task_keys AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM tasks;
    INSERT INTO task_runs (task_id, run_number, status, created_at, started_at, duration)
    SELECT tk.id, i / 50 + 1,
           CASE WHEN i % 100 < 80 THEN 'completed' WHEN i % 100 < 92 THEN 'failed'
                WHEN i % 100 < 95 THEN 'timeout' WHEN i % 100 < 98 THEN 'cancelled'
                WHEN i % 100 < 99 THEN 'pending' ELSE 'running' END,
           now() - make_interval(secs => 1000000 - i), now() - make_interval(secs => 1000000 - i), 1.5
      FROM generate_series(0, 999999) i JOIN task_keys tk ON tk.k = i % 50;
    CREATE TEMP TABLE run_keys AS
    SELECT id, task_id, row_number() OVER (ORDER BY created_at DESC, id DESC) - 1 AS k FROM task_runs;
    CREATE INDEX ON run_keys (k);
    ANALYZE run_keys;
    -- Ten million rows load several times faster into a table without its secondary indexes,
    -- which are then built in one pass each, as pg_restore does; the definitions are the
    -- migrations' own, read back from the catalog.
    SET maintenance_work_mem = '256MB';
    -- An index of the partitioned metric_snapshots (0008) reads back as CREATE INDEX ... ON ONLY,
    -- which would build it on no partition; without ONLY it is built on every one.
    CREATE TEMP TABLE saved_indexes AS
    SELECT c.relname AS name, replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ') AS definition
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'metric_snapshots'::regclass AND NOT i.indisprimary;
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT name FROM saved_indexes LOOP EXECUTE format('DROP INDEX %I', r.name); END LOOP;
    END $$;
    -- The snapshots' days, as the seeder prepares them (migration 0008).
    SELECT taskdash_ensure_metric_partitions(now() - interval '6 days', now());
    INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, "timestamp")
    SELECT rk.task_id, rk.id, 'metric_' || (i % 5), 'gauge', i * 0.5,
           now() - make_interval(secs => (10000000 - i) * 0.05)
      FROM generate_series(0, 9999999) i JOIN run_keys rk ON rk.k = i % 20000;
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT definition FROM saved_indexes LOOP EXECUTE r.definition; END LOOP;
    END $$;
    INSERT INTO artifacts (task_id, task_run_id, name, artifact_type, content, created_at)
    SELECT rk.task_id, rk.id, 'artifact ' || i, 'log', repeat('line ' || i || E'\\n', 20),
           now() - make_interval(secs => 20000 - i)
      FROM generate_series(0, 19999) i JOIN run_keys rk ON rk.k = i % 20000;
    """

  /// Every read the reader sends, over every query shape, with parameters from the data.
  static func statements(_ database: TestDatabase) async throws -> [(label: String, statement: PostgresStatement)] {
    let sample = try #require(
      try await database.query(
        """
        SELECT r.task_id, r.id, r.created_at, a.id, a.created_at
          FROM task_runs r, LATERAL (SELECT id, created_at FROM artifacts ORDER BY created_at DESC LIMIT 1 OFFSET 5000) a
         WHERE r.id = (SELECT task_run_id FROM metric_snapshots ORDER BY id DESC LIMIT 1)
        """
      ).first)
    let taskID = try sample.uuid(0)
    let runID = try sample.uuid(1)
    let runCursor = PageCursor(createdAt: try sample.date(2), id: runID)
    let artifactID = try sample.uuid(3)
    let artifactCursor = PageCursor(createdAt: try sample.date(4), id: artifactID)

    var list: [(String, PostgresStatement)] = []
    for sort in TaskQuery.Sort.allCases {
      for text in ["", "task 1", "status:running", "task 1 status:running"] {
        let query = TaskQuery(sort: sort, filter: try FilterParser.parse(text, for: .tasks))
        list.append(("tasks \(sort) filter '\(text)'", ReadStatements.tasks(query)))
      }
    }
    for task in [nil, taskID] {
      for status in [nil, RunStatus.completed, .failed, .running, .pending] {
        for cursor in [nil, runCursor] {
          let query = RunQuery(taskID: task, status: status, after: cursor, limit: 100)
          let label = "runs task=\(task == nil ? "-" : "id") status=\(status?.rawValue ?? "-") after=\(cursor != nil)"
          list.append((label, ReadStatements.runs(query)))
        }
      }
    }
    // The `/` filter narrows the same ordered scans.
    for text in ["status:failed dur>1m", "task:task err:timeout -since:2h", "silent", "word -#3", "since:1h"] {
      let filter = try FilterParser.parse(text, for: .runs)
      for task in [nil, taskID] {
        let label = "runs task=\(task == nil ? "-" : "id") filter \(text)"
        list.append((label, ReadStatements.runs(RunQuery(taskID: task, limit: 100, filter: filter))))
      }
    }
    for text in ["task 1 status:running since:1h", "silent -status:paused"] {
      let filter = try FilterParser.parse(text, for: .tasks)
      list.append(("tasks filter \(text)", ReadStatements.tasks(TaskQuery(filter: filter))))
    }
    list.append(("metrics run", try ReadStatements.metrics(MetricQuery(scope: .run(runID)))))
    list.append(("metrics task", try ReadStatements.metrics(MetricQuery(scope: .task(taskID)))))
    for scope in [Scope.all, .task(taskID), .run(runID)] {
      for cursor in [nil, artifactCursor] {
        let label = "artifacts \(scope) after=\(cursor != nil)"
        list.append((label, ReadStatements.artifacts(ArtifactQuery(scope: scope, after: cursor, limit: 100))))
      }
    }
    list.append(("artifact", ReadStatements.artifact(id: artifactID)))
    list.append(
      ("artifact content", try #require(ReadStatements.artifactContent(id: artifactID, offset: 100, length: 4096))))
    for document in RunDocument.allCases {
      list.append(
        ("run \(document)", try #require(ReadStatements.runDocument(id: runID, document, offset: 100, length: 4096))))
    }
    list.append(("schema version", ReadStatements.schemaVersion))
    list.append(("run page", PageStatements.run(id: runID, documentLimit: 4096)))
    list.append(("task page", PageStatements.task(id: taskID)))
    list.append(("task runs by status", PageStatements.statusCounts(taskID: taskID)))
    list.append(("task durations", PageStatements.durations(taskID: taskID, runs: 1_000)))
    list.append(("task latest failure", PageStatements.latestFailure(taskID: taskID)))
    list.append(("run id by name", PageStatements.runID(taskName: "task 7", number: 9)))
    for task in [nil, taskID] {
      let query = FailureWatchQuery(since: Date().addingTimeInterval(-300), taskID: task)
      list.append(("recent failures task=\(task == nil ? "-" : "id")", ReadStatements.recentFailures(query)))
    }
    for scope in [Scope.run(runID), .task(taskID)] {
      let query = MetricHistoryQuery(scope: scope, name: "metric_1", buckets: 1_000)
      list.append(("metric history head \(scope)", try MetricHistoryStatements.head(query)))
      // Buckets of 500 s are whole minutes, read from the rollup; buckets of 5 s read points.
      for span in [500_000.0, 5_000] {
        let grid = try #require(
          BucketGrid(query, first: Date(timeIntervalSinceNow: -span), last: Date(), ticksPerSecond: 1_000_000))
        list.append(
          (
            "metric history buckets \(scope) \(grid.wholeMinutes ? "minutes" : "points")",
            try MetricHistoryStatements.buckets(query, grid: grid)
          ))
      }
    }
    // The generated runs reach back 1,000,000 s from now: a day holds more failures than the cap.
    for window in FailureWindow.allCases {
      let groups = FailureGroupQuery(window: window)
      list.append(("failure groups \(window)", TriageStatements.groups(groups, now: Date())))
      for cursor in [nil, runCursor] {
        let query = FailureRunQuery(window: window, pattern: "x", after: cursor)
        list.append(("failure runs \(window) after=\(cursor != nil)", TriageStatements.runs(query, now: Date())))
      }
    }
    list.append(
      ("run metric summaries", CompareStatements.metricSummaries(runID: runID, maxNames: 50, pointLimit: 100_000)))
    return list
  }

  @Test func everyReadIsAnIndexRangeScanWithALimitAndNoSortOnTheBigTables() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let admin = try await database.adminConnection()
      try await admin.execute(Self.generate)
      // Outside the load's transaction; autovacuum would do the same on a live server, and the
      // visibility map it sets is what lets the planner answer from an index alone.
      try await admin.execute("VACUUM ANALYZE")
      let counts = try await database.query(
        "SELECT (SELECT count(*) FROM task_runs), (SELECT count(*) FROM metric_snapshots)")
      #expect(try counts.first?.int(0) ?? 0 >= 1_000_000)
      #expect(try counts.first?.int(1) ?? 0 >= 10_000_000)

      // The reader's own session settings, so the planner sees what the dashboard's queries see.
      let session = try await PostgresConnection.connect(conninfo: database.conninfo, settings: .reader)
      for (label, statement) in try await Self.statements(database) {
        let rows = try await session.query("EXPLAIN (FORMAT JSON) " + statement.sql, statement.parameters)
        let plan = try PlanInspector(json: try #require(rows.first).string(0))
        print("plan \(label): \(plan.outline)")
        // Counting a task's runs by status reads each of its index entries once: it has no LIMIT
        // to have, and must still be an index range scan with no sort.
        let allowed = label == "task runs by status" ? ["no Limit"] : []
        #expect(plan.violations == allowed, "\(label): \(plan.violations) in \(plan.outline)")
        // What the dashboard runs: the session's prepared statement, planned once for any
        // parameters (generic), pruned at its start.
        let generic = try PlanInspector(json: try await Self.genericPlan(statement, on: session))
        print("generic plan \(label): \(generic.outline)")
        #expect(generic.violations == allowed, "\(label), generic: \(generic.violations) in \(generic.outline)")
        // A group's runs page after the cursor among the capped failures, not through the index:
        // the cap is the same set of failures on every page.
        if statement.sql.contains("::timestamptz, $"), !label.hasPrefix("failure runs") {
          #expect(
            plan.indexConditions.contains { $0.contains("ROW(created_at, id) <") },
            "\(label): keyset is not an index bound")
        }
      }
    }
  }

  /// The JSON plan the reader's session runs `statement` by: prepared under a name (the
  /// parameters' types inferred as the protocol's prepare does), then that name explained with
  /// the same parameters. Nothing is executed.
  static func genericPlan(_ statement: PostgresStatement, on session: PostgresConnection) async throws -> String {
    try await session.execute("PREPARE plan_under_test AS " + statement.sql)
    let literals = statement.parameters.map { value in
      value.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL"
    }
    let arguments = literals.isEmpty ? "" : "(" + literals.joined(separator: ", ") + ")"
    let rows = try await session.query("EXPLAIN (FORMAT JSON) EXECUTE plan_under_test\(arguments)")
    try await session.execute("DEALLOCATE plan_under_test")
    return try #require(rows.first).string(0)
  }

  @Test func theInspectorCatchesASortAndASequentialScan() throws {
    let json = """
      [{"Plan": {"Node Type": "Limit", "Plans": [{"Node Type": "Sort", "Parent Relationship": "Outer",
        "Plans": [{"Node Type": "Seq Scan", "Relation Name": "task_runs", "Parent Relationship": "Outer"}]}]}}]
      """
    let plan = try PlanInspector(json: json)
    #expect(plan.violations == ["Sort over task_runs", "Seq Scan on task_runs"])
    let tasksOnly = try PlanInspector(
      json: """
        [{"Plan": {"Node Type": "Sort", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "tasks",
          "Parent Relationship": "Outer", "Plans": [{"Node Type": "Index Only Scan", "Relation Name": "task_runs",
          "Parent Relationship": "SubPlan"}]}]}}]
        """)
    #expect(tasksOnly.violations == ["no Limit"])
    let history = try PlanInspector(
      json: """
        [{"Plan": {"Node Type": "Aggregate",
          "Plans": [{"Node Type": "Seq Scan", "Relation Name": "schema_migrations"}]}}]
        """)
    #expect(history.violations.isEmpty)
  }

  /// A page of tasks with a LATERAL aggregate per task: the Sort above sorts one row per task.
  /// The same shape grouping the runs' rows (a sorted or hashed aggregate) sorts their groups.
  @Test(arguments: [("Plain", [String]()), ("Hashed", ["Sort over task_runs, tasks"])])
  func aSortOverAPerRowAggregateSortsTheOuterRows(strategy: String, violations: [String]) throws {
    let json = """
      [{"Plan": {"Node Type": "Sort", "Plans": [{"Node Type": "Nested Loop", "Parent Relationship": "Outer",
        "Plans": [{"Node Type": "Limit", "Parent Relationship": "Outer", "Plans": [{"Node Type": "Index Scan",
          "Relation Name": "tasks", "Parent Relationship": "Outer"}]},
          {"Node Type": "Aggregate", "Strategy": "\(strategy)", "Parent Relationship": "Inner",
           "Plans": [{"Node Type": "Index Scan", "Relation Name": "task_runs", "Parent Relationship": "Outer"}]}]}]}}]
      """
    #expect(try PlanInspector(json: json).violations == violations)
  }
}
