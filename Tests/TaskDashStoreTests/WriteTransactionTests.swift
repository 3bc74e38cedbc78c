import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct WriteTransactionTests {
  private struct Abort: Error {}

  @Test(arguments: TestBackend.allCases)
  func aTransactionThatThrowsWritesNothing(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("doomed")
      let run = Sample.run(of: task, at: 1)
      await #expect(throws: Abort.self) {
        try await store.write { transaction in
          try await transaction.insert(tasks: [task])
          try await transaction.insert(runs: [run])
          try await transaction.insert(metrics: [Sample.metric("m", value: 1, at: 1, run: run.id)])
          try await transaction.insert(artifacts: [Sample.artifact("a", at: 1, task: task.id, content: "x")])
          throw Abort()
        }
      }

      let tasks = try await store.reader.tasks(TaskQuery())
      #expect(tasks.isEmpty)
      #expect(try await store.reader.runs(RunQuery()).isEmpty)
      #expect(try await store.reader.artifacts(ArtifactQuery()).isEmpty)
      #expect(try await store.write { try await $0.isEmpty() })
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aTransactionReturnsItsValueAndCommits(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("kept")
      let number = try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        return try await transaction.insert(run: Sample.run(of: task, at: 1))
      }
      #expect(number == 1)
      #expect(try await store.reader.runs(RunQuery()).count == 1)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func seedingLocksChecksEmptinessAndDeleteAllEmptiesEveryTable(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("seeded")
      let run = Sample.run(of: task, at: 1)
      let wasEmpty = try await store.write { transaction in
        try await transaction.lockForSeeding()
        let empty = try await transaction.isEmpty()
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
        try await transaction.insert(metrics: [Sample.metric("m", value: 1, at: 1, run: run.id)])
        try await transaction.insert(artifacts: [Sample.artifact("a", at: 1, content: "x")])
        return empty
      }
      #expect(wasEmpty)
      #expect(try await store.write { try await $0.isEmpty() } == false)

      // Each table on its own makes the database non-empty.
      try await store.write { try await $0.insert(artifacts: [Sample.artifact("alone", at: 2)]) }
      let afterDelete = try await store.write { transaction in
        try await transaction.lockForSeeding()
        try await transaction.deleteAll()
        try await transaction.insert(artifacts: [Sample.artifact("alone", at: 2)])
        let onlyArtifact = try await transaction.isEmpty()
        try await transaction.deleteAll()
        return (onlyArtifact, try await transaction.isEmpty())
      }
      #expect(afterDelete.0 == false)
      #expect(afterDelete.1)
      for table in ["tasks", "task_runs", "metric_snapshots", "artifacts"] {
        #expect(try await store.raw.integer("SELECT count(*) FROM \(table)") == 0, "\(table)")
      }
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aTaskStatusUpdateChangesTheStatusAndTouchesUpdatedAt(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("touched", status: .pending, updatedAt: 0)
      try await store.write { try await $0.insert(tasks: [task]) }
      try await store.write { try await $0.updateTask(id: task.id, status: .running) }

      let row = try #require(try await store.reader.tasks(TaskQuery()).first)
      #expect(row.task.status == .known(.running))
      #expect(row.task.updatedAt > Sample.origin)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func twoTransactionsOnOneWriterDoNotInterleave(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let tasks = (0..<8).map { Sample.task("task \($0)") }
      try await withThrowingTaskGroup(of: Void.self) { group in
        for task in tasks {
          group.addTask {
            try await store.write { transaction in
              try await transaction.insert(tasks: [task])
              for second in 0..<5 {
                _ = try await transaction.insert(run: Sample.run(of: task, at: Double(second)))
              }
            }
          }
        }
        try await group.waitForAll()
      }

      let rows = try await store.reader.tasks(TaskQuery(sort: .name))
      #expect(rows.map(\.task.totalRuns) == Array(repeating: 5, count: 8))
      let numbers = try await store.reader.runs(RunQuery(limit: 100)).map(\.runNumber)
      #expect(numbers.sorted() == (1...5).flatMap { Array(repeating: $0, count: 8) })
    }
  }
}
