import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct FailureWatchReadingTests {
  @Test(arguments: TestBackend.reading)
  func failedAndTimedOutRunsChangedAfterTheMomentComeLatestChangeFirst(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let watched = Sample.task("watched")
      let other = Sample.task("other")
      let runs = [
        Sample.run(of: watched, status: .failed, at: 10), Sample.run(of: watched, status: .failed, at: 20),
        Sample.run(of: watched, status: .failed, at: 30), Sample.run(of: watched, status: .timeout, at: 40),
        Sample.run(of: watched, status: .completed, at: 50), Sample.run(of: watched, status: .cancelled, at: 55),
        Sample.run(of: watched, status: .running, at: 60), Sample.run(of: other, status: .failed, at: 70),
      ]
      try await store.write { transaction in
        try await transaction.insert(tasks: [watched, other])
        try await transaction.insert(runs: runs)
      }

      let all = try await store.reader.recentFailures(FailureWatchQuery(since: Sample.time(15)))
      #expect(all.map(\.id) == [runs[7].id, runs[3].id, runs[2].id, runs[1].id])
      #expect(all.map(\.taskName) == ["other", "watched", "watched", "watched"])
      let mine = try await store.reader.recentFailures(FailureWatchQuery(since: Sample.time(15), taskID: watched.id))
      #expect(mine.map(\.id) == [runs[3].id, runs[2].id, runs[1].id])
      let two = try await store.reader.recentFailures(FailureWatchQuery(since: Sample.time(0), limit: 2))
      #expect(two.map(\.id) == [runs[7].id, runs[3].id])
      let none = try await store.reader.recentFailures(FailureWatchQuery(since: Sample.time(70)))
      #expect(none.isEmpty)
    }
  }

  @Test(arguments: TestBackend.reading)
  func aLongRunThatFailsNowIsFoundByItsChangeNotItsCreation(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("long")
      let run = Sample.run(of: task, status: .running, at: 1)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
      }
      let before = Date().addingTimeInterval(-60)
      #expect(try await store.reader.recentFailures(FailureWatchQuery(since: before)).isEmpty)

      // The database stamps updated_at on the status change, as it does for every writer.
      let id = run.id.uuidString.lowercased()
      try await store.raw.execute("UPDATE task_runs SET status = 'failed', error_message = 'boom' WHERE id = '\(id)'")

      let found = try await store.reader.recentFailures(FailureWatchQuery(since: before))
      #expect(found.map(\.id) == [run.id])
      #expect(found.first?.errorMessage == "boom")
      #expect(found.first?.status == .known(.failed))
    }
  }
}
