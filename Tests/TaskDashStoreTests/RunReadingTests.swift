import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct RunReadingTests {
  @Test(arguments: TestBackend.reading)
  func runsComeNewestFirstWithTheirTaskName(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let first = Sample.task("first")
      let second = Sample.task("second")
      let runs = [
        Sample.run(of: first, at: 10), Sample.run(of: second, at: 30), Sample.run(of: first, at: 20),
      ]
      try await store.write { transaction in
        try await transaction.insert(tasks: [first, second])
        try await transaction.insert(runs: runs)
      }

      let rows = try await store.reader.runs(RunQuery())
      #expect(rows.map(\.createdAt) == [Sample.time(30), Sample.time(20), Sample.time(10)])
      #expect(rows.map(\.taskName) == ["second", "first", "first"])
      #expect(rows.map(\.id) == [runs[1].id, runs[2].id, runs[0].id])
    }
  }

  @Test(arguments: TestBackend.reading)
  func taskAndStatusFiltersNarrowTheRuns(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let mine = Sample.task("mine")
      let other = Sample.task("other")
      try await store.write { transaction in
        try await transaction.insert(tasks: [mine, other])
        try await transaction.insert(runs: [
          Sample.run(of: mine, status: .failed, at: 1), Sample.run(of: mine, status: .completed, at: 2),
          Sample.run(of: other, status: .failed, at: 3), Sample.run(of: mine, status: .failed, at: 4),
        ])
      }

      let mineOnly = try await store.reader.runs(RunQuery(taskID: mine.id))
      #expect(mineOnly.count == 3)
      #expect(mineOnly.allSatisfy { $0.taskID == mine.id })
      let failed = try await store.reader.runs(RunQuery(status: .failed))
      #expect(failed.map(\.createdAt) == [Sample.time(4), Sample.time(3), Sample.time(1)])
      let mineFailed = try await store.reader.runs(RunQuery(taskID: mine.id, status: .failed))
      #expect(mineFailed.map(\.createdAt) == [Sample.time(4), Sample.time(1)])
    }
  }

  @Test(arguments: TestBackend.reading)
  func keysetPagesReturnEveryRunExactlyOnce(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("paged")
      let other = Sample.task("other")
      // Groups of runs share a creation time, so the id has to break the ties.
      let runs = (0..<25).map { Sample.run(of: $0 % 5 == 0 ? other : task, at: Double($0 / 3)) }
      try await store.write { transaction in
        try await transaction.insert(tasks: [task, other])
        try await transaction.insert(runs: runs)
      }

      for taskID in [nil, task.id] {
        var seen: [RunRow] = []
        var cursor: PageCursor?
        while true {
          let page = try await store.reader.runs(RunQuery(taskID: taskID, after: cursor, limit: 4))
          seen += page
          guard let last = page.last, page.count == 4 else { break }
          cursor = PageCursor(createdAt: last.createdAt, id: last.id)
        }
        let expected = runs.filter { taskID == nil || $0.taskID == taskID }
        #expect(seen.count == expected.count)
        #expect(Set(seen.map(\.id)) == Set(expected.map(\.id)))
        let keys = seen.map { ($0.createdAt, $0.id.uuidString.lowercased()) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 > $1 }, "strictly newest first")
      }
    }
  }

  @Test(arguments: TestBackend.reading)
  func runNumbersAreAssignedOneTwoThreePerTaskWhenMissing(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let first = Sample.task("first")
      let second = Sample.task("second")
      let runs = [
        Sample.run(of: first, at: 1), Sample.run(of: second, at: 2), Sample.run(of: first, at: 3),
        Sample.run(of: first, at: 4), Sample.run(of: second, at: 5),
      ]
      let single = Sample.run(of: first, at: 6)
      let assigned = try await store.write { transaction in
        try await transaction.insert(tasks: [first, second])
        try await transaction.insert(runs: runs)
        return try await transaction.insert(run: single)
      }

      #expect(assigned == 4)
      let rows = try await store.reader.runs(RunQuery()).reversed()
      #expect(rows.map(\.runNumber) == [1, 1, 2, 3, 2, 4])
    }
  }

  @Test(arguments: TestBackend.reading)
  func aGivenRunNumberIsKeptAndTheNextOneFollowsIt(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("numbered")
      let numbers = try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        let given = try await transaction.insert(run: Sample.run(of: task, at: 1, number: 10))
        let next = try await transaction.insert(run: Sample.run(of: task, at: 2))
        return [given, next]
      }
      #expect(numbers == [10, 11])
    }
  }

  @Test(arguments: TestBackend.reading)
  func aDuplicateRunNumberWithinATaskIsRefused(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("duplicate")
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        _ = try await transaction.insert(run: Sample.run(of: task, at: 1, number: 1))
      }

      let error = await #expect(throws: StoreError.self) {
        try await store.write { try await $0.insert(run: Sample.run(of: task, at: 2, number: 1)) }
      }
      #expect(error?.sqlState == "23505")
    }
  }

  @Test(arguments: TestBackend.reading)
  func aRunUpdateWritesStatusTimesAndErrors(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("updated")
      let original = Sample.run(of: task, status: .running, at: 1)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [original])
      }
      var run = original
      run.status = .known(.failed)
      run.startedAt = Sample.time(1)
      run.completedAt = Sample.time(4.25)
      run.duration = 3.25
      run.errorMessage = "out of memory"
      run.errorDetails = #"{"code": 137}"#
      run.results = #"{"score": 0.5}"#
      let updated = run
      try await store.write { try await $0.update(run: updated) }

      let row = try #require(try await store.reader.runs(RunQuery()).first)
      #expect(row.status == .known(.failed))
      #expect(row.startedAt == Sample.time(1))
      #expect(row.completedAt == Sample.time(4.25))
      #expect(row.duration == 3.25)
      #expect(row.errorMessage == "out of memory")
      #expect(row.runNumber == 1)
    }
  }
}

extension StoreError {
  /// The SQLSTATE of a statement failure, nil for other failures.
  var sqlState: String? {
    if case .query(let state, _) = self { state } else { nil }
  }
}
