import Foundation
import TaskDashStore
import Testing

@testable import TaskDashPostgres

/// Migration 0008: metric_snapshots converted in place into a table partitioned by day.
@Suite(.enabled(if: TestDatabase.isEnabled))
struct PartitionMigrationTests {
  static let embedded = try! MigrationCatalog.embedded(.postgres)
  static let partitionedVersion = 8

  private static func migrator(_ database: TestDatabase) async throws -> Migrator {
    Migrator(catalog: embedded, driver: try await PostgresBackend.migrationDriver(conninfo: database.conninfo))
  }

  /// A task, a run and `count` snapshots spread over the last `days` days, written before 0008.
  private static func populate(_ database: TestDatabase, count: Int, days: Int) async throws {
    let admin = try await database.adminConnection()
    try await admin.execute(
      """
      INSERT INTO tasks (id, name) VALUES ('11111111-1111-1111-1111-111111111111', 'converted');
      INSERT INTO task_runs (id, task_id, status)
        VALUES ('22222222-2222-2222-2222-222222222222', '11111111-1111-1111-1111-111111111111', 'running');
      INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, labels, "timestamp")
      SELECT '11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222', 'm' || (g % 7),
             'gauge', g * 0.5, jsonb_build_object('g', g % 3),
             now() - make_interval(secs => g * (\(days) * 86400.0 / \(max(count, 1))))
        FROM generate_series(1, \(count)) g;
      """)
    await admin.close()
  }

  /// Row count and a checksum of every row in id order, and the same of the rollups.
  private static func fingerprint(_ database: TestDatabase) async throws -> [String] {
    let rows = try await database.query(
      """
      SELECT (SELECT count(*) FROM metric_snapshots)::text,
             (SELECT md5(string_agg(concat_ws('|', id, task_id, task_run_id, name, metric_type, value, unit, labels,
                                              "timestamp"), ',' ORDER BY id)) FROM metric_snapshots),
             (SELECT md5(string_agg(concat_ws('|', task_run_id, name, minute, task_id, points, low, high, first_at,
                                              last_at), ',' ORDER BY task_run_id, name, minute)) FROM metric_rollups)
      """)
    return try rows.map { [try $0.string(0), try $0.string(1), try $0.string(2)] }.first ?? []
  }

  private static func partitions(_ database: TestDatabase) async throws -> [String] {
    try await database.query(
      """
      SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'metric_snapshots'::regclass ORDER BY c.relname
      """
    ).map { try $0.string(0) }
  }

  @Test func aPopulatedTableKeepsEveryRowThroughUpDownAndUpAgain() async throws {
    try await TestDatabase.with { database in
      let migrator = try await Self.migrator(database)
      try await migrator.up(to: 6)
      try await Self.populate(database, count: 20_000, days: 10)
      let before = try await Self.fingerprint(database)
      #expect(before.first == "20000")

      try await migrator.up()
      #expect(try await Self.fingerprint(database) == before)
      let kind = try await database.query("SELECT relkind::text FROM pg_class WHERE oid = 'metric_snapshots'::regclass")
      #expect(try kind.first?.string(0) == "p")
      let partitions = try await Self.partitions(database)
      #expect(partitions.contains("metric_snapshots_p0"))
      #expect(partitions.contains("metric_snapshots_default"))
      // Days ahead through a week from now, after the first partition's bound.
      let ahead = try await database.query(
        "SELECT to_regclass('metric_snapshots_p' || to_char((now() + interval '7 days') AT TIME ZONE 'UTC', 'YYYYMMDD'))::text"
      )
      #expect(ahead.first?.optionalString(0) != nil)
      // The rows already written were attached, not copied: they are all in the old table.
      let inOld = try await database.query("SELECT count(*) FROM ONLY metric_snapshots_p0")
      #expect(try inOld.first?.int(0) == 20_000)

      try await migrator.down(.to(6))
      #expect(try await Self.fingerprint(database) == before)
      let plain = try await database.query(
        "SELECT relkind::text FROM pg_class WHERE oid = 'metric_snapshots'::regclass")
      #expect(try plain.first?.string(0) == "r")

      try await migrator.up()
      #expect(try await Self.fingerprint(database) == before)
    }
  }

  @Test func theRollupTriggersFireOncePerStatementOnTheParent() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      try await Self.populate(database, count: 0, days: 1)
      // One statement whose rows land in the first partition and in two days ahead.
      let admin = try await database.adminConnection()
      try await admin.execute(
        """
        INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, "timestamp")
        SELECT '11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222', 'spread', 'gauge', g,
               now() + make_interval(days => g)
          FROM generate_series(0, 4) g;
        """)
      let rollups = try await admin.query(
        "SELECT count(*), sum(points) FROM metric_rollups WHERE name = 'spread'")
      #expect(try rollups.first?.int(0) == 5)
      #expect(try rollups.first?.int(1) == 5)
      let placed = try await admin.query(
        "SELECT count(DISTINCT tableoid) FROM metric_snapshots WHERE name = 'spread'")
      #expect(try placed.first?.int(0) ?? 0 >= 3)
      try await admin.execute("DELETE FROM metric_snapshots WHERE name = 'spread'")
      let left = try await admin.query("SELECT count(*) FROM metric_rollups WHERE name = 'spread'")
      #expect(try left.first?.int(0) == 0)
      await admin.close()
    }
  }

  @Test func anIdIsNeverGivenTwice() async throws {
    try await TestDatabase.with { database in
      let migrator = try await Self.migrator(database)
      try await migrator.up(to: 6)
      try await Self.populate(database, count: 100, days: 1)
      try await migrator.up()
      let admin = try await database.adminConnection()
      // New rows continue after the ids written before the conversion.
      let next = try await admin.query(
        """
        INSERT INTO metric_snapshots (name, metric_type, value) VALUES ('after', 'gauge', 1) RETURNING id
        """)
      #expect(try next.first?.int(0) == 101)
      // A writer that names an id is refused: every id comes from the one sequence.
      await #expect {
        try await admin.execute(
          "INSERT INTO metric_snapshots (id, name, metric_type, value) VALUES (5, 'named', 'gauge', 1)")
      } throws: { error in
        if case .query(let state, _) = error as? StoreError { return state == "428C9" }
        return false
      }
      // Forcing one past the identity on purpose still meets the primary key.
      let five = try await admin.query("SELECT \"timestamp\"::text FROM metric_snapshots WHERE id = 5")
      let stamp = try five.first?.string(0)
      await #expect {
        _ = try await admin.query(
          """
          INSERT INTO metric_snapshots (id, name, metric_type, value, "timestamp") OVERRIDING SYSTEM VALUE
          VALUES (5, 'forced', 'gauge', 1, $1::timestamptz)
          """, [stamp])
      } throws: { error in
        if case .query(let state, _) = error as? StoreError { return state == "23505" }
        return false
      }
      await admin.close()
    }
  }

  @Test func writersGoOnWhileATableIsConverted() async throws {
    try await TestDatabase.with { database in
      let migrator = try await Self.migrator(database)
      try await migrator.up(to: 6)
      try await Self.populate(database, count: 200_000, days: 30)
      let writer = try await database.adminConnection()
      // A writer inserting until the conversion is over. Every insert must succeed and be kept.
      // It waits up to 30 s for a lock: the final rename-and-attach holds one for a moment, but
      // a fresh clone's make test runs this beside a ten-million-row load, where a 5 s limit
      // was once exceeded. The longest wait is printed.
      try await writer.execute("SET lock_timeout = '30s'")
      let writing = Task {
        var written = 0
        var longest = Duration.zero
        while !Task.isCancelled || written < 20 {
          let start = ContinuousClock.now
          try await writer.execute(
            """
            INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value)
            VALUES ('11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222', 'live', 'gauge', 1)
            """)
          longest = max(longest, ContinuousClock.now - start)
          written += 1
        }
        return (written, longest)
      }
      try await migrator.up()
      writing.cancel()
      let (written, longest) = try await writing.value
      print("partition conversion: \(written) inserts went on, the longest waited \(longest)")
      let live = try await writer.query("SELECT count(*) FROM metric_snapshots WHERE name = 'live'")
      #expect(try live.first?.int(0) == written)
      let all = try await writer.query("SELECT count(*) FROM metric_snapshots")
      #expect(try all.first?.int(0) == 200_000 + written)
      let history = try await writer.query("SELECT 1 FROM schema_migrations WHERE version = $1", ["8"])
      #expect(history.count == 1)
      await writer.close()
    }
  }

  @Test func aDayCreatedLaterTakesItsRowsOutOfTheDefaultPartition() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      try await Self.populate(database, count: 0, days: 1)
      let admin = try await database.adminConnection()
      try await admin.execute(
        """
        INSERT INTO metric_snapshots (task_id, name, metric_type, value, "timestamp")
        VALUES ('11111111-1111-1111-1111-111111111111', 'far', 'gauge', 1, now() + interval '40 days')
        """)
      let before = try await admin.query(
        "SELECT tableoid::regclass::text FROM metric_snapshots WHERE name = 'far'")
      #expect(try before.first?.string(0) == "metric_snapshots_default")
      let created = try await admin.query(
        "SELECT taskdash_ensure_metric_partitions(now(), now() + interval '40 days')")
      #expect(try created.first?.int(0) ?? 0 >= 30)
      let after = try await admin.query(
        "SELECT tableoid::regclass::text FROM metric_snapshots WHERE name = 'far'")
      #expect(try after.first?.string(0).hasPrefix("metric_snapshots_p2") == true)
      let rollup = try await admin.query("SELECT sum(points) FROM metric_rollups WHERE name = 'far'")
      #expect(try rollup.first?.int(0) == 1)
      let again = try await admin.query(
        "SELECT taskdash_ensure_metric_partitions(now(), now() + interval '40 days')")
      #expect(try again.first?.int(0) == 0)
      await admin.close()
    }
  }

  /// Every metric read of the product, explained with ANALYZE on a run that lived an hour five
  /// days ago among ten days of partitions: each opens only the days of the run's span (a day
  /// either side of its life), never today's nor the default partition.
  @Test func everyMetricReadOpensOnlyTheDaysOfItsRun() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let admin = try await database.adminConnection()
      let task = "11111111-1111-1111-1111-111111111111"
      let old = "22222222-2222-2222-2222-222222222222"
      try await admin.execute(
        """
        SELECT taskdash_ensure_metric_partitions(now() - interval '10 days', now());
        INSERT INTO tasks (id, name, created_at) VALUES ('\(task)', 'pruned', now() - interval '20 days');
        INSERT INTO task_runs (id, task_id, status, created_at, started_at, completed_at)
          VALUES ('\(old)', '\(task)', 'completed', now() - interval '5 days', now() - interval '5 days',
                  now() - interval '5 days' + interval '1 hour');
        INSERT INTO task_runs (id, task_id, status, created_at, started_at)
          VALUES ('33333333-3333-3333-3333-333333333333', '\(task)', 'running', now() - interval '1 hour',
                  now() - interval '1 hour');
        INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, "timestamp")
        SELECT '\(task)', r.id, 'm' || (g % 7), 'gauge', g, r.started_at + make_interval(secs => g * 0.5)
          FROM task_runs r, generate_series(1, 7000) g;
        ANALYZE;
        """)
      let runID = try #require(UUID(uuidString: old))
      let started = try #require(
        try await admin.query("SELECT started_at FROM task_runs WHERE id = $1", [old]).first?.date(0))
      let history = MetricHistoryQuery(scope: .run(runID), name: "m3", buckets: 100)
      let grid = try #require(
        BucketGrid(history, first: started, last: started.addingTimeInterval(3000), ticksPerSecond: 1_000_000))
      let reads: [(String, PostgresStatement)] = [
        ("metrics", try ReadStatements.metrics(MetricQuery(scope: .run(runID)))),
        ("history head", try MetricHistoryStatements.head(history)),
        ("history points", try MetricHistoryStatements.buckets(history, grid: grid, minutes: false)),
        ("history minutes", try MetricHistoryStatements.buckets(history, grid: grid)),
        ("run summaries", CompareStatements.metricSummaries(runID: runID, maxNames: 50, pointLimit: 1_000)),
      ]
      let today = try #require(
        try await admin.query(
          "SELECT 'metric_snapshots_p' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD')"
        ).first?.string(0))
      for (label, statement) in reads {
        let rows = try await admin.query("EXPLAIN (ANALYZE, FORMAT JSON) " + statement.sql, statement.parameters)
        let plan = try PlanInspector(json: try #require(rows.first).string(0))
        let opened = plan.executedSnapshotPartitions
        // Two days and an hour reach over four dates at most.
        #expect((1...4).contains(opened.count), "\(label) opened \(opened.sorted())")
        #expect(!opened.contains(today) && !opened.contains("metric_snapshots_default"), "\(label): \(opened)")
      }
      // The silence rule reads only the running run's span: from a day before it was created (an
      // hour ago) to a day after now, three dates or four when that hour holds a midnight; never
      // the rest of the week ahead nor the default.
      let silent = ReadStatements.runs(RunQuery(limit: 10, filter: try FilterParser.parse("silent", for: .runs)))
      let rows = try await admin.query("EXPLAIN (ANALYZE, FORMAT JSON) " + silent.sql, silent.parameters)
      let opened = try PlanInspector(json: try #require(rows.first).string(0)).executedSnapshotPartitions
      #expect(
        (2...4).contains(opened.count) && opened.contains(today) && !opened.contains("metric_snapshots_default"),
        "silent opened \(opened.sorted())")
      await admin.close()
    }
  }
}
