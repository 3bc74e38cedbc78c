import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct CounterTests {
  @Test(arguments: TestBackend.allCases)
  func countersFollowInsertsStatusChangesAndDeletes(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("counted")
      let bystander = Sample.task("bystander")
      var runs = [
        Sample.run(of: task, status: .pending, at: 1), Sample.run(of: task, status: .running, at: 2),
        Sample.run(of: task, status: .completed, at: 3), Sample.run(of: task, status: .failed, at: 4),
        Sample.run(of: task, status: .timeout, at: 5), Sample.run(of: bystander, status: .completed, at: 6),
      ]
      let inserted = runs
      try await store.write { transaction in
        try await transaction.insert(tasks: [task, bystander])
        try await transaction.insert(runs: Array(inserted.prefix(5)))
        _ = try await transaction.insert(run: inserted[5])
      }
      try await expectCounters(store, task.id, [5, 1, 2])
      try await expectCounters(store, bystander.id, [1, 1, 0])

      // pending → completed, running → failed, completed → cancelled, timeout → completed.
      for (index, status) in [(0, RunStatus.completed), (1, .failed), (2, .cancelled), (4, .completed)] {
        runs[index].status = .known(status)
      }
      let changed = runs
      try await store.write { transaction in
        for index in [0, 1, 2, 4] {
          try await transaction.update(run: changed[index])
        }
      }
      try await expectCounters(store, task.id, [5, 2, 2])

      try await store.write { transaction in
        try await transaction.deleteRun(id: changed[0].id)
        try await transaction.deleteRun(id: changed[3].id)
      }
      try await expectCounters(store, task.id, [3, 1, 1])
      try await expectCounters(store, bystander.id, [1, 1, 0])
    }
  }

  @Test(arguments: TestBackend.allCases)
  func countersStayRightForManyRunsInOneTransaction(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let tasks = (0..<3).map { Sample.task("bulk \($0)") }
      let statuses = RunStatus.allCases
      let runs = (0..<600).map { index in
        Sample.run(of: tasks[index % 3], status: statuses[index % statuses.count], at: Double(index))
      }
      try await store.write { transaction in
        try await transaction.insert(tasks: tasks)
        try await transaction.insert(runs: runs)
      }
      for task in tasks {
        let expected = runs.filter { $0.taskID == task.id }
        try await expectCounters(
          store, task.id,
          [
            expected.count, expected.filter { $0.status == .known(.completed) }.count,
            expected.filter { $0.status.known?.countsAsFailure == true }.count,
          ])
      }
    }
  }

  /// The task row's counters equal both `expected` and a count of task_runs itself.
  private func expectCounters(
    _ store: StoreFixture, _ taskID: UUID, _ expected: [Int], sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let row = try #require(
      try await store.reader.tasks(TaskQuery(limit: 500)).first { $0.id == taskID }, sourceLocation: sourceLocation)
    let counters = [row.task.totalRuns, row.task.successfulRuns, row.task.failedRuns]
    #expect(counters == expected, sourceLocation: sourceLocation)
    #expect(try await store.realCounts(of: taskID) == expected, sourceLocation: sourceLocation)
  }
}
