import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct HostileDataTests {
  // The agent's PostgreSQL enum types cannot hold a status its models do not list.
  @Test(arguments: TestBackend.reading.filter { $0 != .postgresExternal })
  func anUnknownStatusWrittenByAnotherProgramReadsAsUnknown(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("from elsewhere")
      let run = Sample.run(of: task, at: 1)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
      }
      try await store.raw.execute(backend.unknownTaskStatusSQL(taskID: task.id, status: "archived"))
      try await store.raw.execute(backend.unknownRunStatusSQL(runID: run.id, status: "retrying"))

      let taskRow = try #require(try await store.reader.tasks(TaskQuery()).first)
      #expect(taskRow.task.status == .unknown("archived"))
      let runRow = try #require(try await store.reader.runs(RunQuery()).first)
      #expect(runRow.status == .unknown("retrying"))
    }
  }

  @Test(arguments: TestBackend.reading)
  func hostileTextInANameReadsWithoutFailing(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("plain")
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [Sample.run(of: task, at: 1)])
      }
      let hostile = backend.hostileNameSQL(taskID: task.id)
      try await store.raw.execute(hostile.sql)

      #expect(try await store.reader.tasks(TaskQuery()).first?.task.name == hostile.expected)
      #expect(try await store.reader.runs(RunQuery()).first?.taskName == hostile.expected)
    }
  }
}
