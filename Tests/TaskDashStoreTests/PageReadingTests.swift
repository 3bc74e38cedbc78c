import Foundation
import TaskDashModel
import TaskDashStore
import Testing

/// A run's and a task's own page, and the look-ups by name, on every backend.
@Suite struct PageReadingTests {
  /// JSON as a value, so that PostgreSQL's jsonb spelling and SQLite's stored text compare equal.
  static func json(_ text: String?) throws -> NSObject? {
    guard let text else { return nil }
    return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? NSObject
  }

  /// Nearest rank, as `percentile_disc`: the first value whose rank reaches p·n.
  static func nearestRank(_ sorted: [Double], _ p: Double) -> Double {
    sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
  }

  @Test(arguments: TestBackend.reading)
  func aRunsPageHasItsWholeErrorItsDocumentsItsMetricsArtifactsAndNeighbours(_ backend: TestBackend)
    async throws
  {
    try await backend.withFixture { store in
      let task = Sample.task("market-analysis")
      let message = String(repeating: "rate limited by provider; ", count: 200)
      var draft = Sample.run(of: task, status: .failed, at: 20, number: 2)
      draft.errorMessage = message
      draft.errorDetails = #"{"code": 429, "retry_after": 30, "provider": "kb_lookup"}"#
      draft.plan = #"{"steps": ["fetch", "analyse", {"nested": [1, 2.5, null, true]}]}"#
      draft.startedAt = Sample.time(21)
      draft.completedAt = Sample.time(26)
      draft.duration = 5
      let failed = draft
      let first = Sample.run(of: task, status: .completed, at: 10, number: 1)
      let third = Sample.run(of: task, status: .running, at: 30, number: 3)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [first, failed, third])
        try await transaction.insert(metrics: [
          Sample.metric("tokens", value: 10, at: 22, task: task.id, run: failed.id),
          Sample.metric("tokens", value: 30, at: 24, task: task.id, run: failed.id),
          Sample.metric("cpu", value: 0.5, at: 23, task: task.id, run: failed.id, unit: "%"),
          Sample.metric("cpu", value: 0.9, at: 23, task: task.id, run: first.id, unit: "%"),
        ])
        try await transaction.insert(artifacts: [
          Sample.artifact("summary.md", at: 25, task: task.id, run: failed.id, content: "# done\n"),
          Sample.artifact("agent.log", at: 24, task: task.id, run: failed.id, content: "line\n"),
          Sample.artifact("other.log", at: 24, task: task.id, run: first.id, content: "x"),
        ])
      }

      let page = try #require(try await store.reader.runPage(id: failed.id, documentLimit: 1 << 20))
      #expect(page.run.id == failed.id)
      #expect(page.run.taskName == "market-analysis")
      #expect(page.run.runNumber == 2)
      #expect(page.run.status == .known(.failed))
      #expect(page.run.startedAt == Sample.time(21))
      #expect(page.run.completedAt == Sample.time(26))
      #expect(page.run.duration == 5)
      #expect(page.updatedAt == Sample.time(20))
      #expect(page.errorMessage == DocumentHead(text: message, byteCount: Int64(message.utf8.count)))
      #expect(page.errorMessage?.isWhole == true)
      #expect(try Self.json(page.errorDetails?.text) == Self.json(failed.errorDetails))
      #expect(try Self.json(page.plan?.text) == Self.json(failed.plan))
      #expect(page.plan?.isWhole == true)
      #expect(page.results == nil, "a run with no results has no results document")
      #expect(page.metrics.map(\.name) == ["cpu", "tokens"])
      #expect(page.metrics.map(\.latest) == [0.5, 30])
      #expect(page.artifacts.map(\.name) == ["summary.md", "agent.log"])
      #expect(page.previousRunID == first.id)
      #expect(page.nextRunID == third.id)

      let oldest = try #require(try await store.reader.runPage(id: first.id, documentLimit: 64))
      #expect(oldest.previousRunID == nil)
      #expect(oldest.nextRunID == failed.id)
      #expect(oldest.errorMessage == nil && oldest.plan == nil && oldest.errorDetails == nil)
      let newest = try #require(try await store.reader.runPage(id: third.id, documentLimit: 64))
      #expect(newest.nextRunID == nil)
      #expect(try await store.reader.runPage(id: UUID(), documentLimit: 64) == nil)
    }
  }

  @Test(arguments: TestBackend.reading)
  func aDocumentLongerThanTheLimitIsReadAsAHeadWithItsWholeLength(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("big")
      var draft = Sample.run(of: task, status: .failed, at: 1)
      // Two bytes a character: the head is counted in characters, the length in bytes.
      draft.errorMessage = String(repeating: "é", count: 10_000)
      draft.results = "{\"rows\": [" + (0..<5_000).map { "{\"n\": \($0)}" }.joined(separator: ", ") + "]}"
      let run = draft
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
      }

      let page = try #require(try await store.reader.runPage(id: run.id, documentLimit: 100))
      #expect(page.errorMessage == DocumentHead(text: String(repeating: "é", count: 100), byteCount: 20_000))
      #expect(page.errorMessage?.isWhole == false)
      let results = try #require(page.results)
      #expect(results.text.count == 100)
      #expect(results.text.hasPrefix("{\"rows\": [{\"n\": 0}"))
      #expect(results.byteCount >= 50_000)
      #expect(!results.isWhole)
    }
  }

  @Test(arguments: TestBackend.reading)
  func aRunsDocumentsAreReadInByteWindowsThatJoinToWhatThePageReports(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("windows")
      var draft = Sample.run(of: task, status: .failed, at: 1)
      // Two- and three-byte characters, so windows end inside characters.
      draft.errorMessage = String(repeating: "é€ failed; ", count: 3_000)
      draft.results = "{\"rows\": [" + (0..<3_000).map { "{\"n\": \($0), \"s\": \"ü\"}" }.joined(separator: ", ") + "]}"
      draft.plan = #"{"steps": ["fetch"]}"#
      let run = draft
      let bare = Sample.run(of: task, status: .completed, at: 2)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run, bare])
      }

      let page = try #require(try await store.reader.runPage(id: run.id, documentLimit: 1 << 22))
      let heads: [RunDocument: DocumentHead] = [
        .errorMessage: try #require(page.errorMessage), .results: try #require(page.results),
        .plan: try #require(page.plan),
      ]
      for (document, head) in heads {
        #expect(head.isWhole)
        var joined: [UInt8] = []
        while true {
          let window = try await store.reader.runDocument(
            id: run.id, document, offset: Int64(joined.count), length: 777)
          if window.isEmpty { break }
          #expect(window.count <= 777)
          joined += window
        }
        #expect(Int64(joined.count) == head.byteCount, "\(document): the windows cover the length the page reports")
        #expect(String(decoding: joined, as: UTF8.self) == head.text, "\(document): the windows join to the text")
      }
      let inside = try await store.reader.runDocument(id: run.id, .errorMessage, offset: 1, length: 3)
      #expect(inside == Array("é€ failed".utf8)[1..<4].map { $0 })
      #expect(try await store.reader.runDocument(id: run.id, .errorDetails, offset: 0, length: 10).isEmpty)
      #expect(try await store.reader.runDocument(id: bare.id, .results, offset: 0, length: 10).isEmpty)
      #expect(try await store.reader.runDocument(id: UUID(), .plan, offset: 0, length: 10).isEmpty)
      #expect(try await store.reader.runDocument(id: run.id, .plan, offset: -1, length: 10).isEmpty)
      #expect(try await store.reader.runDocument(id: run.id, .plan, offset: 0, length: 0).isEmpty)
    }
  }

  @Test(arguments: TestBackend.reading)
  func aTasksPageCountsItsRunsAndComputesNearestRankDurationsOverItsNewestCompletedRuns(
    _ backend: TestBackend
  ) async throws {
    try await backend.withFixture { store in
      var draftTask = Sample.task("b-task", status: .running)
      draftTask.description = "Analyse the market every hour."
      draftTask.config = #"{"model": "large", "tools": ["search", "sql"]}"#
      draftTask.maxRounds = 12
      draftTask.memorySize = 4096
      let task = draftTask
      let before = Sample.task("a-task")
      let after = Sample.task("c-task")
      // 30 completed runs with durations in a scrambled order, one without a duration, and
      // failures: the figures cover the newest 20 completed runs that have a duration.
      var drafts: [TaskRun] = []
      for index in 0..<30 {
        var run = Sample.run(of: task, status: .completed, at: Double(index), number: index + 1)
        run.duration = Double((index * 7) % 30) + 0.25
        drafts.append(run)
      }
      var noDuration = Sample.run(of: task, status: .completed, at: 100, number: 31)
      noDuration.duration = nil
      var failure = Sample.run(of: task, status: .failed, at: 50, number: 32)
      failure.errorMessage = "boom"
      var timeout = Sample.run(of: task, status: .timeout, at: 60, number: 33)
      timeout.errorMessage = "deadline exceeded"
      let running = Sample.run(of: task, status: .running, at: 70, number: 34)
      let runs = drafts + [noDuration, failure, timeout, running]
      try await store.write { transaction in
        try await transaction.insert(tasks: [before, task, after])
        try await transaction.insert(runs: runs)
      }

      let page = try #require(try await store.reader.taskPage(id: task.id, durationRuns: 21))
      #expect(page.task.task.name == "b-task")
      #expect(page.task.task.description == "Analyse the market every hour.")
      #expect(try Self.json(page.task.task.config) == Self.json(task.config))
      #expect(page.task.task.maxRounds == 12)
      #expect(page.task.task.memorySize == 4096)
      #expect(page.task.task.totalRuns == 34)
      #expect(page.task.runningNow == 1)
      #expect(
        page.runsByStatus == [
          StatusCount(status: .known(.completed), count: 31), StatusCount(status: .known(.failed), count: 1),
          StatusCount(status: .known(.running), count: 1), StatusCount(status: .known(.timeout), count: 1),
        ])
      // The newest 21 completed runs are the one without a duration and runs 10…29.
      let newest = runs[10..<30].compactMap(\.duration).sorted()
      let durations = try #require(page.durations)
      #expect(durations.count == 20)
      #expect(durations.p50 == Self.nearestRank(newest, 0.5))
      #expect(durations.p95 == Self.nearestRank(newest, 0.95))
      #expect(durations.max == newest.last)
      #expect(page.latestFailure?.id == timeout.id)
      #expect(page.latestFailure?.errorMessage == "deadline exceeded")
      #expect(page.previousTaskID == before.id)
      #expect(page.nextTaskID == after.id)
      let first = try #require(try await store.reader.taskPage(id: before.id, durationRuns: 1_000))
      #expect(first.previousTaskID == nil)
      #expect(first.nextTaskID == task.id)
    }
  }

  @Test(arguments: TestBackend.reading)
  func aTaskWithNoFinishedRunsHasNoDurationsAndNoFailure(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("fresh")
      let empty = Sample.task("empty")
      try await store.write { transaction in
        try await transaction.insert(tasks: [task, empty])
        try await transaction.insert(runs: [
          Sample.run(of: task, status: .running, at: 1), Sample.run(of: task, status: .pending, at: 2),
        ])
      }

      let page = try #require(try await store.reader.taskPage(id: task.id, durationRuns: 1_000))
      #expect(page.durations == nil)
      #expect(page.latestFailure == nil)
      #expect(page.runsByStatus.map(\.count) == [1, 1])
      let nothing = try #require(try await store.reader.taskPage(id: empty.id, durationRuns: 1_000))
      #expect(nothing.runsByStatus.isEmpty)
      #expect(nothing.durations == nil)
      #expect(try await store.reader.taskPage(id: UUID(), durationRuns: 1_000) == nil)
    }
  }

  @Test(arguments: TestBackend.reading)
  func aRunIsFoundByItsTaskNameAndNumberAndATaskByItsExactName(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("Code Review")
      var namesake = Sample.task("Code Review")
      namesake.createdAt = Sample.time(5)
      let later = namesake
      let run = Sample.run(of: task, at: 1, number: 7)
      try await store.write { transaction in
        try await transaction.insert(tasks: [later, task])
        try await transaction.insert(runs: [run, Sample.run(of: later, at: 2, number: 7)])
      }

      #expect(try await store.reader.taskID(named: "Code Review") == task.id, "the oldest of two namesakes")
      #expect(try await store.reader.taskID(named: "code review") == nil, "names match exactly")
      #expect(try await store.reader.runID(taskName: "Code Review", number: 7) == run.id)
      #expect(try await store.reader.runID(taskName: "Code Review", number: 8) == nil)
      #expect(try await store.reader.runID(taskName: "nobody", number: 7) == nil)
    }
  }
}
