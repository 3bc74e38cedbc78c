import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashSQLite

/// Every reader statement is an index range scan in ORDER BY order on a database of a few
/// hundred thousand rows: no full scan and no sort of task_runs, metric_snapshots or artifacts.
@Suite struct QueryPlanTests {
  static let taskCount = 200
  static let runCount = 200_000
  static let metricCount = 200_000
  static let artifactCount = 50_000

  /// Fills the tables with recursive CTEs; ids follow `printf('%08x-0000-4000-8000-%012x', i, i)`.
  static let fill = """
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(taskCount))
    INSERT INTO tasks (id, name, status)
    SELECT printf('%08x-0000-4000-8000-%012x', i, i), 'task ' || i, 'running' FROM n;

    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(runCount))
    INSERT INTO task_runs (id, task_id, run_number, status, created_at, updated_at)
    SELECT printf('%08x-0000-4000-8000-%012x', i, i),
      printf('%08x-0000-4000-8000-%012x', i % \(taskCount) + 1, i % \(taskCount) + 1),
      i / \(taskCount) + 1,
      CASE i % 6 WHEN 0 THEN 'pending' WHEN 1 THEN 'running' WHEN 2 THEN 'completed'
        WHEN 3 THEN 'failed' WHEN 4 THEN 'cancelled' ELSE 'timeout' END,
      strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i / 3, 'unixepoch'),
      strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i / 3, 'unixepoch')
    FROM n;

    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(metricCount))
    INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, timestamp)
    SELECT printf('%08x-0000-4000-8000-%012x', (i % 1000 + 1) % \(taskCount) + 1, (i % 1000 + 1) % \(taskCount) + 1),
      printf('%08x-0000-4000-8000-%012x', i % 1000 + 1, i % 1000 + 1),
      'metric ' || (i / 1000 % 8), 'gauge', i,
      strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i, 'unixepoch')
    FROM n;

    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(artifactCount))
    INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content, created_at, updated_at)
    SELECT printf('%08x-0000-4000-8000-%012x', i, i),
      printf('%08x-0000-4000-8000-%012x', i % \(taskCount) + 1, i % \(taskCount) + 1),
      printf('%08x-0000-4000-8000-%012x', i % 5000 + 1, i % 5000 + 1),
      'artifact ' || i, 'log', 'line ' || i,
      strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i / 2, 'unixepoch'),
      strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i / 2, 'unixepoch')
    FROM n;
    """

  /// One reader statement and what its plan may do.
  struct Case: CustomStringConvertible {
    let description: String
    let sql: String
    /// Unfiltered first pages may walk a created_at index from its start: the LIMIT stops them.
    var mayWalkWholeIndex = false
    /// The tasks list sorts its few hundred rows, the look-ups by name the tasks of one name,
    /// the percentiles their LIMITed durations and the latest failure its two candidates; no
    /// other statement may sort.
    var maySort = false
    /// How many sorts of at most `RunActivity.medianWindow` rows the statement may make: the
    /// silence rule's median orders a running run's newest distinct snapshot times, then their
    /// gaps (two window functions over a LIMITed index range).
    var windowSorts = 0
  }

  static var cases: [Case] {
    var cases: [Case] = []
    for sort in TaskQuery.Sort.allCases {
      for text in ["", "task 1", "status:running", "task 1 status:running"] {
        let filter = SQLiteFilterSQL(tasks: try! FilterParser.parse(text, for: .tasks))
        cases.append(
          Case(
            description: "tasks sort \(sort) filter '\(text)'",
            sql: SQLiteReaderSQL.tasks(sort: sort, filter: filter.conditions), maySort: true))
      }
    }
    for byTask in [false, true] {
      for byStatus in [false, true] {
        for paged in [false, true] {
          cases.append(
            Case(
              description: "runs task \(byTask) status \(byStatus) paged \(paged)",
              sql: SQLiteReaderSQL.runs(byTask: byTask, byStatus: byStatus, paged: paged),
              mayWalkWholeIndex: !byTask && !byStatus && !paged, windowSorts: 2))
        }
      }
    }
    // The `/` filter narrows the same ordered scans; `silent` adds its own bounded median.
    for text in ["status:failed dur>1m", "task:task err:timeout -since:2h", "silent", "word -#3", "since:1h"] {
      let filter = SQLiteFilterSQL(runs: try! FilterParser.parse(text, for: .runs))
      for byTask in [false, true] {
        cases.append(
          Case(
            description: "runs task \(byTask) filter \(text)",
            sql: SQLiteReaderSQL.runs(byTask: byTask, byStatus: false, paged: false, filter: filter.conditions),
            mayWalkWholeIndex: !byTask, windowSorts: text == "silent" ? 4 : 2))
      }
    }
    for text in ["task 1 status:running since:1h", "silent -status:paused"] {
      let filter = SQLiteFilterSQL(tasks: try! FilterParser.parse(text, for: .tasks))
      cases.append(
        Case(
          description: "tasks filter \(text)",
          sql: SQLiteReaderSQL.tasks(sort: .name, filter: filter.conditions),
          maySort: true))
    }
    for column in SQLiteReaderSQL.ScopeColumn.allCases {
      cases.append(Case(description: "metric names by \(column)", sql: SQLiteReaderSQL.metricNames(column)))
      cases.append(Case(description: "metric points by \(column)", sql: SQLiteReaderSQL.metricPoints(column)))
    }
    for scope in [nil] + SQLiteReaderSQL.ScopeColumn.allCases.map(Optional.some) {
      for paged in [false, true] {
        cases.append(
          Case(
            description: "artifacts scope \(scope.map(\.rawValue) ?? "all") paged \(paged)",
            sql: SQLiteReaderSQL.artifacts(scope: scope, paged: paged), mayWalkWholeIndex: scope == nil && !paged))
      }
    }
    cases.append(Case(description: "artifact by id", sql: SQLiteReaderSQL.artifact))
    cases.append(
      Case(description: "artifact content location", sql: SQLiteReaderSQL.valueLocation(of: "content", in: "artifacts"))
    )
    for document in RunDocument.allCases {
      cases.append(
        Case(
          description: "run \(document) location",
          sql: SQLiteReaderSQL.valueLocation(of: document.column, in: "task_runs")))
    }
    cases.append(Case(description: "run page", sql: SQLitePageSQL.run, windowSorts: 2))
    cases.append(Case(description: "task page", sql: SQLitePageSQL.task, maySort: true))
    cases.append(Case(description: "task runs by status", sql: SQLitePageSQL.statusCounts))
    cases.append(Case(description: "task durations", sql: SQLitePageSQL.durations, maySort: true))
    cases.append(Case(description: "task latest failure", sql: SQLitePageSQL.latestFailure, maySort: true))
    cases.append(Case(description: "run id by name", sql: SQLitePageSQL.runID, maySort: true))
    for byTask in [false, true] {
      cases.append(
        Case(description: "recent failures task \(byTask)", sql: SQLiteReaderSQL.recentFailures(byTask: byTask)))
    }
    for column in SQLiteReaderSQL.ScopeColumn.allCases {
      cases.append(Case(description: "metric history head by \(column)", sql: SQLiteMetricHistorySQL.head(column)))
      cases.append(Case(description: "metric bucket by \(column)", sql: SQLiteMetricHistorySQL.bucket(column)))
      cases.append(Case(description: "metric bucket newest by \(column)", sql: SQLiteMetricHistorySQL.newest(column)))
    }
    cases.append(Case(description: "previous run", sql: SQLiteMetricHistorySQL.previousRun))
    // Triage sorts and groups the capped failures only; with no window the capped walk starts
    // at the newest end of the failures index.
    for since in [false, true] {
      cases.append(
        Case(
          description: "failure groups since \(since)", sql: SQLiteTriageSQL.groups(since: since),
          mayWalkWholeIndex: !since, maySort: true))
      for paged in [false, true] {
        cases.append(
          Case(
            description: "failure runs since \(since) paged \(paged)",
            sql: SQLiteTriageSQL.runs(since: since, paged: paged),
            mayWalkWholeIndex: !since, maySort: true))
      }
    }
    cases.append(Case(description: "run metric summary", sql: SQLiteCompareSQL.metricSummary))
    return cases
  }

  /// Table names and the aliases the statements give them.
  static let bigTables: Set<String> = ["task_runs", "metric_snapshots", "artifacts", "r", "m"]

  /// What is wrong with one plan, or nothing.
  static func problems(in plan: [String], for testCase: Case) -> [String] {
    var problems: [String] = []
    var windowSorts = testCase.windowSorts
    for line in plan {
      let words = line.split(separator: " ").map(String.init)
      let isScan = words.first == "SCAN"
      let isSearch = words.first == "SEARCH"
      if line.contains("AUTOMATIC") { problems.append("builds an automatic index: \(line)") }
      if line.contains("TEMP B-TREE FOR ORDER BY"), windowSorts > 0 {
        windowSorts -= 1
      } else if line.contains("TEMP B-TREE"), !testCase.maySort {
        problems.append("sorts: \(line)")
      }
      guard isScan || isSearch, words.count > 1, bigTables.contains(words[1]) else { continue }
      if !line.contains("USING INDEX") && !line.contains("USING COVERING INDEX")
        && !line.contains("USING INTEGER PRIMARY KEY")
      {
        problems.append("reads a big table without an index: \(line)")
      } else if isScan && !testCase.mayWalkWholeIndex {
        problems.append("walks a whole index instead of a range: \(line)")
      }
    }
    return problems
  }

  @Test func everyReaderStatementIsAnIndexRangeScanOnABigDatabase() async throws {
    try await TemporaryDatabase.with { path in
      let connection = try await SQLiteConnection.open(path: path, mode: .readWrite(creating: false))
      try await connection.perform { database in
        try database.execute("BEGIN")
        try database.execute(Self.fill)
        try database.execute("COMMIT")
      }
      #expect(try await TemporaryDatabase.values(connection, "SELECT count(*) FROM task_runs") == ["\(Self.runCount)"])

      for testCase in Self.cases {
        // The detail column of EXPLAIN QUERY PLAN is the fourth.
        let details = try await connection.perform { database in
          try database.prepared("EXPLAIN QUERY PLAN " + testCase.sql) { statement in
            var lines: [String] = []
            while try statement.step() {
              lines.append(statement.text(3) ?? "")
            }
            return lines
          }
        }
        let problems = Self.problems(in: details, for: testCase)
        #expect(problems.isEmpty, "\(testCase): \(problems) in \(details)")
      }
      await connection.close()

      // The statements also answer correctly at this size.
      let reader = try await SQLiteBackend.reader(path: path)
      let taskID = try #require(UUID(uuidString: "00000001-0000-4000-8000-000000000001"))
      let runID = try #require(UUID(uuidString: "00000001-0000-4000-8000-000000000001"))
      let page = try await reader.runs(RunQuery(taskID: taskID, limit: 50))
      #expect(page.count == 50)
      #expect(page.allSatisfy { $0.taskID == taskID && $0.taskName == "task 1" })
      // Run 1 has 200 points spread over 8 names: 25 each.
      let series = try await reader.metrics(MetricQuery(scope: .run(runID), points: 20))
      #expect(series.map(\.name) == (0..<8).map { "metric \($0)" })
      #expect(series.allSatisfy { $0.points.count == 20 })
      let tasks = try await reader.tasks(TaskQuery(sort: .lastActivity, limit: 500))
      #expect(tasks.count == Self.taskCount)
      #expect(tasks.map(\.task.totalRuns).reduce(0, +) == Self.runCount)
      await reader.close()
    }
  }
}
