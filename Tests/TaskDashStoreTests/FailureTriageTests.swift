import Foundation
import TaskDashModel
import TaskDashStore
import Testing

/// Failure triage on both stores: the folding and grouping run in the database, over the
/// newest failures of a window, and answer as `ErrorPattern.fold` says.
@Suite struct FailureTriageTests {
  /// The time the reads take as now: a day after the sample origin.
  static let now = Sample.time(86_400)

  static func failure(
    of task: Task, _ message: String?, at seconds: Double, status: RunStatus = .failed
  ) -> TaskRun {
    TaskRun(
      taskID: task.id, status: .known(status), errorMessage: message, createdAt: Sample.time(seconds),
      updatedAt: Sample.time(seconds))
  }

  @Test(arguments: TestBackend.reading)
  func theCorpusFoldsInTheDatabaseAsTheSwiftFunctionDoes(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("corpus")
      let messages = ErrorPatternCorpus.entries.map(\.message) + [ErrorPatternCorpus.long]
      let runs = messages.enumerated().map { index, message in
        Self.failure(of: task, message, at: 80_000 + Double(index))
      }
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: runs)
      }
      let expected = messages.map {
        ErrorPattern.fold(String(String.UnicodeScalarView($0.unicodeScalars.prefix(ErrorPattern.sourceLength))))
      }
      #expect(expected.dropLast() == ErrorPatternCorpus.entries.map(\.pattern)[...])

      let read = try await store.reader.failureGroups(FailureGroupQuery(window: .day), now: Self.now)
      #expect(read.failures == messages.count)
      #expect(Set(read.groups.map(\.pattern)) == Set(expected))
      for (run, pattern) in zip(runs, expected) {
        let found = try await store.reader.failureRuns(FailureRunQuery(window: .day, pattern: pattern), now: Self.now)
        #expect(found.map(\.id).contains(run.id), "\(pattern)")
      }
    }
  }

  /// SQLite stores any bytes as text (PostgreSQL refuses invalid UTF-8): the function folds the
  /// message repaired, as the reader repairs it, and the pattern finds the run again.
  @Test func aMessageThatIsNotUTF8FoldsRepairedOnSQLite() async throws {
    try await TestBackend.sqlite.withFixture { store in
      let task = Sample.task("bytes")
      let run = Self.failure(of: task, "placeholder", at: 80_000)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
      }
      try await store.raw.execute(
        // "bad \xff byte 42 at 0xdeadbeef"
        "UPDATE task_runs SET error_message = CAST(x'62616420ff20627974652034322061742030786465616462656566' AS TEXT)"
          + " WHERE id = '\(run.id.uuidString.lowercased())'")
      let read = try await store.reader.failureGroups(FailureGroupQuery(window: .day), now: Self.now)
      #expect(read.groups.map(\.pattern) == ["bad \u{FFFD} byte # at <hex>"])
      #expect(read.groups.first?.example == "bad \u{FFFD} byte 42 at 0xdeadbeef")
      let runs = try await store.reader.failureRuns(
        FailureRunQuery(window: .day, pattern: "bad \u{FFFD} byte # at <hex>"), now: Self.now)
      #expect(runs.map(\.id) == [run.id])
    }
  }

  @Test(arguments: TestBackend.reading)
  func groupsCountTheirFailuresTasksAndTimesLargestFirst(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let alpha = Sample.task("alpha")
      let beta = Sample.task("beta")
      let gamma = Sample.task("gamma")
      let runs = [
        Self.failure(of: alpha, "HTTP 503 from upstream after 3 retries", at: 70_000),
        Self.failure(of: beta, "HTTP 502 from upstream after 1 retries", at: 71_000, status: .timeout),
        Self.failure(of: beta, "HTTP 504 from upstream after 5 retries", at: 72_000),
        Self.failure(of: gamma, "HTTP 500 from upstream after 2 retries", at: 73_000),
        Self.failure(of: alpha, "KeyError: 'price'", at: 74_000),
        Self.failure(of: alpha, "KeyError: 'volume'", at: 75_000),
        Self.failure(of: gamma, nil, at: 76_000),
        Self.failure(of: gamma, "", at: 77_000),
        // Neither failed nor timed out: not triage's business, whatever the message.
        TaskRun(
          taskID: alpha.id, status: .known(.completed), errorMessage: "HTTP 200 from upstream after 0 retries",
          createdAt: Sample.time(78_000), updatedAt: Sample.time(78_000)),
        TaskRun(
          taskID: alpha.id, status: .known(.cancelled), errorMessage: "KeyError: 'cancelled'",
          createdAt: Sample.time(79_000), updatedAt: Sample.time(79_000)),
      ]
      try await store.write { transaction in
        try await transaction.insert(tasks: [alpha, beta, gamma])
        try await transaction.insert(runs: runs)
      }

      let read = try await store.reader.failureGroups(FailureGroupQuery(window: .day), now: Self.now)
      #expect(read.failures == 8)
      #expect(!read.isCapped)
      #expect(read.groups.map(\.pattern) == ["HTTP # from upstream after # retries", "", "KeyError: '…'"])
      let http = try #require(read.groups.first)
      #expect(http.count == 4)
      #expect(http.taskCount == 3)
      // Most hits first, then the task hit most recently.
      #expect(http.taskNames == ["beta", "gamma", "alpha"])
      #expect(http.firstSeen == Sample.time(70_000))
      #expect(http.lastSeen == Sample.time(73_000))
      #expect(http.example == "HTTP 500 from upstream after 2 retries")
      #expect(http.exampleLength == 38)
      // NULL and empty messages are one group: runs that failed without saying why.
      let silent = read.groups[1]
      #expect(silent.count == 2)
      #expect(silent.taskNames == ["gamma"])
      #expect(silent.example == "")
      #expect(read.groups[2].example == "KeyError: 'volume'")
    }
  }

  @Test(arguments: TestBackend.reading)
  func theWindowDecidesWhichFailuresCount(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("windowed")
      let day = 86_400.0
      let runs = [
        Self.failure(of: task, "disk full on /dev/sda1", at: day - 3_600),
        Self.failure(of: task, "disk full on /dev/sda2", at: -2 * day),
        Self.failure(of: task, "disk full on /dev/sda3", at: -30 * day),
      ]
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: runs)
      }
      for (window, count) in [(FailureWindow.day, 1), (.week, 2), (.all, 3)] {
        let read = try await store.reader.failureGroups(FailureGroupQuery(window: window), now: Self.now)
        #expect(read.failures == count, "\(window)")
        #expect(read.groups.map(\.count) == [count], "\(window)")
        #expect(read.groups.first?.pattern == "disk full on /dev/sda#")
        let listed = try await store.reader.failureRuns(
          FailureRunQuery(window: window, pattern: "disk full on /dev/sda#"), now: Self.now)
        #expect(listed.map(\.id) == Array(runs.prefix(count).map(\.id)), "\(window)")
      }
    }
  }

  @Test(arguments: TestBackend.reading)
  func onlyTheNewestFailuresUpToTheCapAreRead(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("capped")
      let runs = (0..<8).map {
        Self.failure(of: task, $0 < 3 ? "old error \($0)" : "new error \($0)", at: 80_000 + Double($0))
      }
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: runs)
      }
      let read = try await store.reader.failureGroups(FailureGroupQuery(window: .day, cap: 5), now: Self.now)
      #expect(read.failures == 5)
      #expect(read.isCapped)
      #expect(read.groups.map(\.pattern) == ["new error #"])
      let old = try await store.reader.failureRuns(
        FailureRunQuery(window: .day, pattern: "old error #", cap: 5), now: Self.now)
      #expect(old.isEmpty)
      let limited = try await store.reader.failureGroups(FailureGroupQuery(window: .day, limit: 1), now: Self.now)
      #expect(limited.failures == 8)
      #expect(limited.groups.map(\.pattern) == ["new error #"])
    }
  }

  @Test(arguments: TestBackend.reading)
  func aGroupsRunsComeInKeysetPagesNewestFirst(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("paged")
      let other = Sample.task("other")
      // Pairs share a creation time, so the id breaks ties.
      let runs = (0..<11).map { index in
        Self.failure(of: index % 3 == 0 ? other : task, "Timeout after \(index)s", at: 80_000 + Double(index / 2))
      }
      let noise = Self.failure(of: task, "something else", at: 80_003)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task, other])
        try await transaction.insert(runs: runs + [noise])
      }
      var seen: [RunRow] = []
      var cursor: PageCursor?
      while true {
        let page = try await store.reader.failureRuns(
          FailureRunQuery(window: .day, pattern: "Timeout after #s", after: cursor, limit: 4), now: Self.now)
        seen += page
        guard let last = page.last, page.count == 4 else { break }
        cursor = PageCursor(createdAt: last.createdAt, id: last.id)
      }
      #expect(seen.count == runs.count)
      #expect(Set(seen.map(\.id)) == Set(runs.map(\.id)))
      let keys = seen.map { ($0.createdAt, $0.id.uuidString.lowercased()) }
      #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 > $1 }, "strictly newest first")
      #expect(seen.first?.taskName == "paged" || seen.first?.taskName == "other")
      #expect(seen.allSatisfy { $0.status == .known(.failed) })
    }
  }

  @Test(arguments: TestBackend.reading)
  func aLongMessageIsCutForTheExampleAndFoldedFromItsStart(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("long")
      let tail = String(repeating: "x", count: 5_000)
      let runs = [
        Self.failure(of: task, "Stack overflow in frame 1\n" + tail + " 1", at: 80_000),
        Self.failure(of: task, "Stack overflow in frame 2\n" + tail + " 2 and more", at: 80_001),
      ]
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: runs)
      }
      let read = try await store.reader.failureGroups(
        FailureGroupQuery(window: .day, exampleLength: 100), now: Self.now)
      // Past the folded prefix the messages differ, and are still one group.
      let group = try #require(read.groups.first)
      #expect(read.groups.count == 1)
      #expect(group.count == 2)
      #expect(group.example.count == 100)
      #expect(group.example.hasPrefix("Stack overflow in frame 2\nxxx"))
      #expect(group.exampleLength == 26 + 5_000 + 11)
      let listed = try await store.reader.failureRuns(
        FailureRunQuery(window: .day, pattern: group.pattern, messageLength: 30), now: Self.now)
      #expect(listed.map { $0.errorMessage?.count } == [30, 30])
    }
  }
}
