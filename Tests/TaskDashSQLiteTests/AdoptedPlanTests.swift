import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashSQLite

/// `migrate adopt` on the agent system's own SQLite tables at 200,000 runs: afterwards every
/// reader statement, through the connection's views, reads the big tables through an index,
/// the adopted ones keyed by the views' own expressions.
@Suite struct AdoptedPlanTests {
  /// The same rows as `QueryPlanTests.fill`, in the agent's conventions: ids of 32 hex digits,
  /// enum names, naive times with microseconds, snapshot ids as text.
  static let fill = """
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(QueryPlanTests.taskCount))
    INSERT INTO tasks (id, name, status, total_runs, successful_runs, failed_runs, created_at, updated_at)
    SELECT printf('%08x00004000800%013x', i, i), 'task ' || i, 'RUNNING', 0, 0, 0,
      '2023-11-14 22:13:20.000000', '2023-11-14 22:13:20.000000' FROM n;

    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(QueryPlanTests.runCount))
    INSERT INTO task_runs (id, task_id, run_number, status, created_at, updated_at)
    SELECT printf('%08x00004000800%013x', i, i),
      printf('%08x00004000800%013x', i % \(QueryPlanTests.taskCount) + 1, i % \(QueryPlanTests.taskCount) + 1),
      i / \(QueryPlanTests.taskCount) + 1,
      CASE i % 6 WHEN 0 THEN 'PENDING' WHEN 1 THEN 'RUNNING' WHEN 2 THEN 'COMPLETED'
        WHEN 3 THEN 'FAILED' WHEN 4 THEN 'CANCELLED' ELSE 'TIMEOUT' END,
      strftime('%Y-%m-%d %H:%M:%f000', 1700000000 + i / 3, 'unixepoch'),
      strftime('%Y-%m-%d %H:%M:%f000', 1700000000 + i / 3, 'unixepoch')
    FROM n;

    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(QueryPlanTests.metricCount))
    INSERT INTO metric_snapshots (id, task_id, task_run_id, name, metric_type, value, timestamp)
    SELECT printf('%032x', i),
      printf('%08x00004000800%013x', (i % 1000 + 1) % \(QueryPlanTests.taskCount) + 1,
        (i % 1000 + 1) % \(QueryPlanTests.taskCount) + 1),
      printf('%08x00004000800%013x', i % 1000 + 1, i % 1000 + 1),
      'metric ' || (i / 1000 % 8), 'GAUGE', i, strftime('%Y-%m-%d %H:%M:%f000', 1700000000 + i, 'unixepoch')
    FROM n;

    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(QueryPlanTests.artifactCount))
    INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content, created_at, updated_at)
    SELECT printf('%08x00004000800%013x', i, i),
      printf('%08x00004000800%013x', i % \(QueryPlanTests.taskCount) + 1, i % \(QueryPlanTests.taskCount) + 1),
      printf('%08x00004000800%013x', i % 5000 + 1, i % 5000 + 1),
      'artifact ' || i, 'LOG', 'line ' || i,
      strftime('%Y-%m-%d %H:%M:%f000', 1700000000 + i / 2, 'unixepoch'),
      strftime('%Y-%m-%d %H:%M:%f000', 1700000000 + i / 2, 'unixepoch')
    FROM n;
    """

  @Test func afterAdoptEveryReaderStatementReadsTheBigTablesThroughAnIndex() async throws {
    try await TemporaryDatabase.with(migrated: false) { path in
      let connection = try await SQLiteConnection.open(path: path, mode: .readWrite(creating: true))
      try await connection.perform { database in
        try database.execute(AgentSchema.sqlite)
        try database.execute("BEGIN")
        try database.execute(Self.fill)
        try database.execute("COMMIT")
      }
      let adopter = SQLiteAdopter(connection: connection)
      for statement in try await adopter.adoptStatements() { try await adopter.execute(statement) }
      #expect(try await adopter.adoptStatements().isEmpty, "a second adopt has nothing to add")
      let origin = try await connection.perform { database in
        try database.execute("ANALYZE")
        return try SQLiteExternalViews.install(on: database).origin
      }
      #expect(origin == .adopted)

      // The partial failure indexes a failure read names are taskdash's; the view is read without.
      let cases =
        QueryPlanTests.cases.filter { !$0.description.hasPrefix("recent failures") }
        + [false, true].map { byTask in
          QueryPlanTests.Case(
            description: "recent failures task \(byTask)",
            sql: SQLiteReaderSQL.recentFailures(byTask: byTask, indexed: false))
        }
      for testCase in cases {
        let details = try await connection.perform { database in
          try database.prepared("EXPLAIN QUERY PLAN " + testCase.sql) { statement in
            var lines: [String] = []
            while try statement.step() { lines.append(statement.text(3) ?? "") }
            return lines
          }
        }
        let unindexed = details.filter { line in
          let words = line.split(separator: " ").map(String.init)
          guard ["SCAN", "SEARCH"].contains(words.first), words.count > 1 else { return false }
          let table = words[1].replacingOccurrences(of: "main.", with: "")
          return QueryPlanTests.bigTables.contains(table) && !line.contains("USING ")
        }
        print("adopted plan \(testCase.description): \(details.joined(separator: " | "))")
        #expect(unindexed.isEmpty, "\(testCase): reads without an index: \(unindexed)")
      }
      await connection.close()
    }
  }
}
