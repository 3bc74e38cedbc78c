import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashPostgres

/// A reader whose role was granted SELECT on the four tables of the contract and nothing of
/// taskdash's own (`metric_rollups`, 0006), as an operator grants a read-only role.
@Suite(.enabled(if: TestDatabase.isEnabled))
struct GrantedReaderTests {
  @Test func aChartOfWholeMinutesFallsBackToThePointsWithoutTheRollupGrant() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let task = TaskDashModel.Task(name: "granted")
      let start = Date(timeIntervalSince1970: 1_700_000_000)
      let run = TaskRun(taskID: task.id, status: .known(.running), createdAt: start)
      // A point a minute for a day, one spike: buckets of whole minutes, read from the rollup
      // when the role may.
      let metrics = (0..<1_440).map { minute in
        MetricSnapshot(
          taskID: task.id, taskRunID: run.id, name: "loss", metricType: .known(.gauge),
          value: minute == 700 ? 9_999 : 1, timestamp: start.addingTimeInterval(Double(minute) * 60))
      }
      try await ReaderTests.write(database) { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
        try await transaction.insert(metrics: metrics)
      }
      let role = "td_granted_\(UInt32.random(in: 0...UInt32.max))"
      _ = try await database.query("CREATE ROLE \(role) LOGIN")
      _ = try await database.query(
        "GRANT SELECT ON tasks, task_runs, metric_snapshots, artifacts, schema_migrations TO \(role)")
      let reader = try await PostgresBackend.reader(
        conninfo: try TestDatabase.conninfo(database.conninfo, database: database.name, options: ["user": role]))
      let query = MetricHistoryQuery(scope: .run(run.id), name: "loss", buckets: 100)
      let history = try await reader.metricHistory(query)
      await reader.close()
      _ = try await database.query("DROP OWNED BY \(role)")
      _ = try await database.query("DROP ROLE \(role)")

      #expect(history.bucketCount > 0)
      #expect(history.buckets.map(\.count).reduce(0, +) == 1_440)
      #expect(history.buckets.compactMap(\.max).max() == 9_999)
    }
  }
}
