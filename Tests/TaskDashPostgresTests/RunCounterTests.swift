import Foundation
import SeededRandom
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashPostgres

@Suite(.enabled(if: TestDatabase.isEnabled))
struct RunCounterTests {
  static let writers = 4
  static let transactionsPerWriter = 60

  /// Tasks whose counters disagree with a count over task_runs (empty when all agree).
  static func counterMismatches(_ database: TestDatabase) async throws -> [String] {
    try await database.query(
      """
      SELECT t.name || ': ' || t.total_runs || '/' || t.successful_runs || '/' || t.failed_runs
             || ' counted ' || count(r.id) || '/' || count(r.id) FILTER (WHERE r.status = 'completed')
             || '/' || count(r.id) FILTER (WHERE r.status IN ('failed', 'timeout'))
        FROM tasks t LEFT JOIN task_runs r ON r.task_id = t.id
       GROUP BY t.id
      HAVING t.total_runs <> count(r.id)
          OR t.successful_runs <> count(r.id) FILTER (WHERE r.status = 'completed')
          OR t.failed_runs <> count(r.id) FILTER (WHERE r.status IN ('failed', 'timeout'))
      """
    ).map { try $0.string(0) }
  }

  /// Tasks whose run numbers are not exactly 1...count.
  static func numberingGaps(_ database: TestDatabase) async throws -> [String] {
    try await database.query(
      """
      SELECT t.name FROM tasks t JOIN task_runs r ON r.task_id = t.id
       GROUP BY t.id
      HAVING min(r.run_number) <> 1 OR max(r.run_number) <> count(*) OR count(DISTINCT r.run_number) <> count(*)
      """
    ).map { try $0.string(0) }
  }

  private static func makeTasks(_ database: TestDatabase, count: Int) async throws -> [UUID] {
    let tasks = (0..<count).map { TaskDashModel.Task(name: "task \($0)") }
    let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
    try await writer.transaction { try await $0.insert(tasks: tasks) }
    await writer.close()
    return tasks.map(\.id)
  }

  @Test func concurrentWritersKeepCountersAndRunNumbersRight() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let taskIDs = try await Self.makeTasks(database, count: 5)

      // Inserts and status changes from several connections at once: numbers stay 1...n.
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writerIndex in 0..<Self.writers {
          group.addTask {
            var generator = SplitMix64(seed: UInt64(writerIndex + 1))
            let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
            var mine: [TaskRun] = []
            for _ in 0..<Self.transactionsPerWriter {
              if mine.isEmpty || Bool.random(using: &generator) {
                let run = TaskRun(
                  taskID: taskIDs.randomElement(using: &generator)!,
                  status: .known(RunStatus.allCases.randomElement(using: &generator)!))
                _ = try await writer.transaction { try await $0.insert(run: run) }
                mine.append(run)
              } else {
                let index = Int.random(in: 0..<mine.count, using: &generator)
                mine[index].status = .known(RunStatus.allCases.randomElement(using: &generator)!)
                let run = mine[index]
                try await writer.transaction { try await $0.update(run: run) }
              }
            }
            await writer.close()
          }
        }
        try await group.waitForAll()
      }
      #expect(try await Self.counterMismatches(database).isEmpty)
      #expect(try await Self.numberingGaps(database).isEmpty)

      // Then deletes, status changes and bulk inserts at once: counters still match the rows.
      let runIDs = try await database.query("SELECT id FROM task_runs ORDER BY id").map { try $0.uuid(0) }
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writerIndex in 0..<Self.writers {
          let share = runIDs.enumerated().filter { $0.offset % Self.writers == writerIndex }.map(\.element)
          group.addTask {
            var generator = SplitMix64(seed: UInt64(100 + writerIndex))
            let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
            for (index, id) in share.enumerated() {
              switch index % 3 {
              case 0:
                try await writer.transaction { try await $0.deleteRun(id: id) }
              case 1:
                let status = RunStatus.allCases.randomElement(using: &generator)!
                try await writer.transaction { transaction in
                  try await transaction.update(run: TaskRun(id: id, taskID: taskIDs[0], status: .known(status)))
                }
              default:
                let taskID = taskIDs.randomElement(using: &generator)!
                let runs = (0..<3).map { _ in
                  TaskRun(taskID: taskID, status: .known(RunStatus.allCases.randomElement(using: &generator)!))
                }
                try await writer.transaction { try await $0.insert(runs: runs) }
              }
            }
            await writer.close()
          }
        }
        try await group.waitForAll()
      }
      #expect(try await Self.counterMismatches(database).isEmpty)
      let total = try await database.query("SELECT sum(total_runs), (SELECT count(*) FROM task_runs) FROM tasks")
      #expect(try total.first?.int(0) == total.first?.int(1))
    }
  }

  @Test func deletingATaskTakesItsRunsAndLeavesOtherCountersAlone() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let taskIDs = try await Self.makeTasks(database, count: 2)
      let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
      try await writer.transaction { transaction in
        try await transaction.insert(
          runs: taskIDs.flatMap { id in (0..<4).map { _ in TaskRun(taskID: id, status: .known(.failed)) } })
      }
      _ = try await database.query("DELETE FROM tasks WHERE id = $1", [taskIDs[0].uuidString])
      #expect(try await Self.counterMismatches(database).isEmpty)
      let remaining = try await database.query("SELECT total_runs, failed_runs FROM tasks")
      #expect(try remaining.map { [try $0.int(0), try $0.int(1)] } == [[4, 4]])
      await writer.close()
    }
  }

  @Test func truncatingTheRunsZeroesEveryCounter() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let taskIDs = try await Self.makeTasks(database, count: 3)
      let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
      try await writer.transaction { transaction in
        try await transaction.insert(
          runs: taskIDs.map { TaskRun(taskID: $0, status: .known(.completed)) })
      }
      _ = try await database.query("TRUNCATE task_runs CASCADE")
      #expect(try await Self.counterMismatches(database).isEmpty)
      #expect(try await database.query("SELECT sum(total_runs) FROM tasks").first?.int(0) == 0)
      await writer.close()
    }
  }

  @Test func updatesThatLeaveTheStatusAloneDoNotTouchTheTask() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let taskID = try await Self.makeTasks(database, count: 1)[0]
      let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
      var run = TaskRun(taskID: taskID, status: .known(.running))
      _ = try await writer.transaction { [run] in try await $0.insert(run: run) }
      let before = try await database.query("SELECT updated_at FROM tasks").first?.string(0)
      run.results = #"{"tokens": 12}"#
      try await writer.transaction { [run] in try await $0.update(run: run) }
      #expect(try await database.query("SELECT updated_at FROM tasks").first?.string(0) == before)
      let runUpdated = try await database.query("SELECT updated_at > created_at FROM task_runs")
      #expect(try runUpdated.first?.bool(0) == true)
      await writer.close()
    }
  }
}
