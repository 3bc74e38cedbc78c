import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct TaskReadingTests {
  /// The tasks pane's query with the operator's `/` filter `text`, by name.
  private func named(_ text: String) throws -> TaskQuery {
    TaskQuery(sort: .name, filter: try FilterParser.parse(text, for: .tasks))
  }

  @Test(arguments: TestBackend.reading)
  func aWordOfTheFilterMatchesASubstringOfTheNameIgnoringCase(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let tasks = [Sample.task("Alpha build"), Sample.task("beta BUILD"), Sample.task("gamma")]
      try await store.write { try await $0.insert(tasks: tasks) }

      let build = try await store.reader.tasks(named("Build"))
      #expect(build.map(\.task.name) == ["Alpha build", "beta BUILD"])
      let alpha = try await store.reader.tasks(named("ALPHA"))
      #expect(alpha.map(\.task.name) == ["Alpha build"])
      let everything = try await store.reader.tasks(named(""))
      #expect(everything.count == 3)
    }
  }

  @Test(arguments: TestBackend.reading)
  func percentUnderscoreAndBackslashInAFilterMatchOnlyThemselves(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let names = ["100% done", "1000 done", "a_b", "axb", #"back\slash"#, "backslash"]
      try await store.write { try await $0.insert(tasks: names.map { Sample.task($0) }) }

      for (filter, expected) in [
        ("%", ["100% done"]), ("0%", ["100% done"]), ("_", ["a_b"]), (#"\"#, [#"back\slash"#]),
      ] {
        let rows = try await store.reader.tasks(named(filter))
        #expect(rows.map(\.task.name) == expected, "filter \(filter)")
      }
    }
  }

  @Test(arguments: TestBackend.reading)
  func aStatusTermReturnsOnlyTasksInThatStatus(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let tasks = [
        Sample.task("a", status: .running), Sample.task("b", status: .paused), Sample.task("c", status: .running),
      ]
      try await store.write { try await $0.insert(tasks: tasks) }

      let running = try await store.reader.tasks(named("status:running"))
      #expect(running.map(\.task.name) == ["a", "c"])
      let pausedB = try await store.reader.tasks(named("b status:paused"))
      #expect(pausedB.map(\.task.name) == ["b"])
      #expect(try await store.reader.tasks(named("status:failed")).isEmpty)
    }
  }

  @Test(arguments: TestBackend.reading)
  func sortingByNameAndByStatusOrdersAsAsked(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let tasks = [
        Sample.task("delta", status: .running), Sample.task("alpha", status: .pending),
        Sample.task("charlie", status: .completed), Sample.task("bravo", status: .running),
      ]
      try await store.write { try await $0.insert(tasks: tasks) }

      let byName = try await store.reader.tasks(TaskQuery(sort: .name))
      #expect(byName.map(\.task.name) == ["alpha", "bravo", "charlie", "delta"])
      let byStatus = try await store.reader.tasks(TaskQuery(sort: .status))
      #expect(byStatus.map(\.task.name) == ["charlie", "alpha", "bravo", "delta"])
    }
  }

  @Test(arguments: TestBackend.reading)
  func sortingByLastActivityPutsTheNewestRunFirstThenRecentlyUpdatedTasks(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let older = Sample.task("older run", updatedAt: 500)
      let newer = Sample.task("newer run", updatedAt: 1)
      let recentlyUpdated = Sample.task("updated, no runs", updatedAt: 300)
      let idle = Sample.task("idle", updatedAt: 5)
      try await store.write { transaction in
        try await transaction.insert(tasks: [idle, older, recentlyUpdated, newer])
        try await transaction.insert(runs: [Sample.run(of: older, at: 10), Sample.run(of: newer, at: 20)])
      }

      let rows = try await store.reader.tasks(TaskQuery(sort: .lastActivity))
      #expect(rows.map(\.task.name) == ["newer run", "older run", "updated, no runs", "idle"])
    }
  }

  @Test(arguments: TestBackend.reading)
  func aTaskRowCarriesItsRunningCountAndNewestRunTime(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let busy = Sample.task("busy")
      let fresh = Sample.task("fresh")
      try await store.write { transaction in
        try await transaction.insert(tasks: [busy, fresh])
        try await transaction.insert(runs: [
          Sample.run(of: busy, status: .running, at: 10), Sample.run(of: busy, status: .running, at: 20),
          Sample.run(of: busy, status: .completed, at: 50), Sample.run(of: busy, status: .pending, at: 30),
        ])
      }

      let rows = try await store.reader.tasks(TaskQuery(sort: .name))
      let busyRow = try #require(rows.first { $0.id == busy.id })
      #expect(busyRow.runningNow == 2)
      #expect(busyRow.lastRunAt == Sample.time(50))
      #expect(busyRow.task.totalRuns == 4)
      let freshRow = try #require(rows.first { $0.id == fresh.id })
      #expect(freshRow.runningNow == 0)
      #expect(freshRow.lastRunAt == nil)
    }
  }

  @Test(arguments: TestBackend.reading)
  func aTaskReadsBackAsWritten(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Task(
        name: "full", description: "all columns", config: #"{"model": "x", "rounds": 3}"#,
        status: .known(.paused), maxRounds: 7, memorySize: 2048, createdAt: Sample.time(1),
        updatedAt: Sample.time(2))
      try await store.write { try await $0.insert(tasks: [task]) }

      let row = try #require(try await store.reader.tasks(TaskQuery()).first)
      #expect(row.task.id == task.id)
      #expect(row.task.description == "all columns")
      #expect(row.task.status == .known(.paused))
      #expect(row.task.maxRounds == 7)
      #expect(row.task.memorySize == 2048)
      #expect(row.task.createdAt == Sample.time(1))
      #expect(row.task.updatedAt == Sample.time(2))
      let config = try JSONSerialization.jsonObject(with: Data(row.task.config.utf8)) as? [String: Any]
      #expect(config?["model"] as? String == "x")
    }
  }

  @Test(arguments: TestBackend.reading)
  func theLimitBoundsTheNumberOfTasks(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      try await store.write { try await $0.insert(tasks: (0..<12).map { Sample.task("task \($0)") }) }

      #expect(try await store.reader.tasks(TaskQuery(sort: .name, limit: 5)).count == 5)
      #expect(try await store.reader.tasks(TaskQuery(sort: .name, limit: 50)).count == 12)
    }
  }
}
