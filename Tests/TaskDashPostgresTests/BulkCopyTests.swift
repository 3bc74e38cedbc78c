import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashPostgres

@Suite(.enabled(if: TestDatabase.isEnabled))
struct BulkCopyTests {
  static let runCount = 100_000

  @Test func aCopyOfOneHundredThousandRunsOfOneTaskNumbersThemInOrderAndCountsThem() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let task = TaskDashModel.Task(name: "bulk")
      let start = Date(timeIntervalSince1970: 1_700_000_000)
      let runs = (0..<Self.runCount).map { (index: Int) -> TaskRun in
        let status: RunStatus = index % 10 == 0 ? .failed : .completed
        let createdAt = start.addingTimeInterval(Double(index))
        return TaskRun(
          taskID: task.id, status: .known(status), plan: "{\"step\": \(index)}",
          duration: Double(index) / 7, createdAt: createdAt, updatedAt: createdAt)
      }
      let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
      try await writer.transaction { try await $0.insert(tasks: [task]) }

      let clock = ContinuousClock()
      let began = clock.now
      try await writer.transaction { try await $0.insert(runs: runs) }
      let elapsed = clock.now - began
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      print("COPY of \(Self.runCount) runs of one task: \(String(format: "%.2f", seconds)) s")

      let counters = try await database.query("SELECT total_runs, successful_runs, failed_runs FROM tasks")
      #expect(try counters.first.map { [try $0.int(0), try $0.int(1), try $0.int(2)] } == [100_000, 90_000, 10_000])
      let numbers = try await database.query(
        "SELECT min(run_number), max(run_number), count(DISTINCT run_number) FROM task_runs")
      #expect(try numbers.first.map { [try $0.int(0), try $0.int(1), try $0.int(2)] } == [1, 100_000, 100_000])
      let order = try await database.query(
        "SELECT id FROM task_runs WHERE run_number IN (1, 100000) ORDER BY run_number")
      #expect(try order.map { try $0.uuid(0) } == [runs[0].id, runs[Self.runCount - 1].id])
      await writer.close()
    }
  }

  @Test func aCopyThatFailsPartWayKeepsNoRowAndNoCount() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let task = TaskDashModel.Task(name: "bulk")
      let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
      try await writer.transaction { try await $0.insert(tasks: [task]) }
      var runs = (0..<1_000).map { _ in TaskRun(taskID: task.id, status: .known(.completed)) }
      runs[500].plan = "not json"
      await #expect {
        try await writer.transaction { [runs] in try await $0.insert(runs: runs) }
      } throws: { error in
        if case .query(sqlState: "22P02", _) = error as? StoreError { true } else { false }
      }
      runs[500].plan = nil
      runs[700].errorMessage = "nul \u{0} inside"
      await #expect(throws: PostgresErrorClassifier.nulCharacter) {
        try await writer.transaction { [runs] in try await $0.insert(runs: runs) }
      }
      let counts = try await database.query("SELECT total_runs, (SELECT count(*) FROM task_runs) FROM tasks")
      #expect(try counts.first.map { [try $0.int(0), try $0.int(1)] } == [0, 0])
      // The connection is still usable after both failures.
      try await writer.transaction { try await $0.insert(runs: [TaskRun(taskID: task.id)]) }
      #expect(try await database.query("SELECT total_runs FROM tasks").first?.int(0) == 1)
      await writer.close()
    }
  }

  @Test func metricsGoThroughCopyWithTheirLabelsAndUnits() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let task = TaskDashModel.Task(name: "metrics")
      let run = TaskRun(taskID: task.id)
      let labels = #"{"host": "a\tb", "path": "C:\\tmp\n"}"#
      let metrics = (0..<5_000).map { index in
        MetricSnapshot(
          taskID: task.id, taskRunID: run.id, name: "loss\t\(index % 3)", metricType: .known(.gauge),
          value: Double(index), unit: index % 2 == 0 ? "ms" : nil, labels: labels,
          timestamp: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
      }
      let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
      try await writer.transaction { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
        try await transaction.insert(metrics: metrics)
      }
      let rows = try await database.query(
        """
        SELECT count(*), count(DISTINCT name), count(unit), min(labels->>'host'), min(labels->>'path')
          FROM metric_snapshots
        """)
      let row = try #require(rows.first)
      #expect(try row.int(0) == 5_000)
      #expect(try row.int(1) == 3)
      #expect(try row.int(2) == 2_500)
      #expect(row.optionalString(3) == "a\tb")
      #expect(row.optionalString(4) == "C:\\tmp\n")
      await writer.close()
    }
  }
}
