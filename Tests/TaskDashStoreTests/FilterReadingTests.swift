import Foundation
import TaskDashModel
import TaskDashStore
import Testing

/// The `/` language applied by both stores, on real rows: each term, negation, and hostile
/// text that stays text.
@Suite struct FilterReadingTests {
  static let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

  static func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

  static func run(
    _ task: Task, _ number: Int, _ status: RunStatus, duration: Double? = nil, error: String? = nil,
    createdAgo: Double
  ) -> TaskRun {
    TaskRun(
      taskID: task.id, runNumber: number, status: .known(status), startedAt: ago(createdAgo),
      duration: duration, errorMessage: error, createdAt: ago(createdAgo), updatedAt: ago(createdAgo))
  }

  static let market = Task(name: "market-analysis", status: .known(.running))
  static let review = Task(name: "Code Review", status: .known(.paused))
  static let runs = [
    run(market, 1, .failed, duration: 30, error: "Timeout after 30s", createdAgo: 9 * 3600),
    run(market, 2, .failed, duration: 300, error: "connection reset by peer", createdAgo: 5 * 3600),
    run(market, 3, .completed, duration: 90, createdAgo: 3 * 3600),
    run(review, 1, .failed, duration: 61, error: "100% of quota used", createdAgo: 1800),
    run(review, 2, .timeout, duration: 3600, error: "deadline exceeded", createdAgo: 1200),
    // Running: silent (started 40 minutes ago, no snapshot) and healthy (logged just now).
    run(market, 4, .running, createdAgo: 2400),
    run(review, 3, .running, createdAgo: 600),
  ]

  static func fill(_ store: StoreFixture) async throws {
    try await store.write { transaction in
      try await transaction.insert(tasks: [market, review, Task(name: "idle")])
      try await transaction.insert(runs: runs)
      try await transaction.insert(metrics: [
        MetricSnapshot(
          taskID: review.id, taskRunID: runs[6].id, name: "tokens", metricType: .known(.counter), value: 1,
          unit: nil, timestamp: ago(30))
      ])
    }
  }

  /// The runs `text` keeps, as "task#number", newest first.
  static func runs(_ store: StoreFixture, _ text: String, task: UUID? = nil) async throws -> [String] {
    let query = RunQuery(taskID: task, filter: try FilterParser.parse(text, for: .runs))
    return try await store.reader.runs(query).map { "\($0.taskName)#\($0.runNumber)" }
  }

  /// The tasks `text` keeps, by name.
  static func tasks(_ store: StoreFixture, _ text: String) async throws -> [String] {
    let query = TaskQuery(sort: .name, filter: try FilterParser.parse(text, for: .tasks))
    return try await store.reader.tasks(query).map(\.task.name)
  }

  @Test(arguments: TestBackend.reading)
  func eachRunTermNarrowsTheRunsInTheStore(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      try await Self.fill(store)
      #expect(try await Self.runs(store, "status:failed dur>1m") == ["Code Review#1", "market-analysis#2"])
      #expect(try await Self.runs(store, "status:failed -dur>1m") == ["market-analysis#1"])
      #expect(try await Self.runs(store, "dur<=61s dur>=61s") == ["Code Review#1"])
      #expect(try await Self.runs(store, "task:REVIEW status:running") == ["Code Review#3"])
      #expect(try await Self.runs(store, #"err:"connection reset""#) == ["market-analysis#2"])
      #expect(try await Self.runs(store, "err:timeout") == ["market-analysis#1"])
      #expect(try await Self.runs(store, "since:35m") == ["Code Review#3", "Code Review#2", "Code Review#1"])
      #expect(try await Self.runs(store, "-since:4h status:failed") == ["market-analysis#2", "market-analysis#1"])
      #expect(try await Self.runs(store, "silent") == ["market-analysis#4"])
      #expect(try await Self.runs(store, "status:running -silent") == ["Code Review#3"])
      // A run without an error or a duration is not matched by the term, so it is by its negation.
      #expect(try await Self.runs(store, "-err:e -dur>0s") == ["Code Review#3", "market-analysis#4"])
    }
  }

  @Test(arguments: TestBackend.reading)
  func plainWordsKeepTheirMeaning(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      try await Self.fill(store)
      // A status word means that status; other words look in the task name, #number, status
      // and error, ignoring case; all words must match.
      #expect(try await Self.runs(store, "timeout") == ["Code Review#2"])
      #expect(try await Self.runs(store, "market #2") == ["market-analysis#2"])
      #expect(try await Self.runs(store, "PEER") == ["market-analysis#2"])
      #expect(try await Self.runs(store, "review -deadline -#3") == ["Code Review#1"])
      #expect(try await Self.runs(store, "100%") == ["Code Review#1"])
      #expect(try await Self.runs(store, "status:failed", task: Self.review.id) == ["Code Review#1"])
    }
  }

  @Test(arguments: TestBackend.reading)
  func theTasksListTakesTaskTerms(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      try await Self.fill(store)
      #expect(try await Self.tasks(store, "review") == ["Code Review"])
      #expect(try await Self.tasks(store, "task:e -idle") == ["Code Review", "market-analysis"])
      #expect(try await Self.tasks(store, "status:paused") == ["Code Review"])
      #expect(try await Self.tasks(store, "since:35m") == ["Code Review"])
      #expect(try await Self.tasks(store, "-since:35m") == ["idle", "market-analysis"])
      #expect(try await Self.tasks(store, "silent") == ["market-analysis"])
      #expect(try await Self.tasks(store, "-silent") == ["Code Review", "idle"])
    }
  }

  @Test(arguments: TestBackend.reading)
  func injectionAttemptsFindNothingAndDropNothing(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      try await Self.fill(store)
      for text in [
        "err:'; DROP TABLE tasks; --", #"err:"'; DROP TABLE tasks; --""#, #"task:"x' OR '1'='1""#,
        #"task:"%') OR 1=1 --""#, "status:failed' --",
      ] {
        guard let query = try? FilterParser.parse(text, for: .runs) else { continue }
        #expect(try await store.reader.runs(RunQuery(filter: query)).isEmpty, "\(text)")
        let tasks = try? FilterParser.parse(text.replacingOccurrences(of: "err:", with: "task:"), for: .tasks)
        if let tasks { #expect(try await store.reader.tasks(TaskQuery(filter: tasks)).isEmpty, "\(text)") }
      }
      #expect(try await store.reader.tasks(TaskQuery()).count == 3)
      #expect(try await store.reader.runs(RunQuery()).count == Self.runs.count)
      // LIKE's own characters are literal: `_` is not "any character", `%` not "anything".
      #expect(try await Self.runs(store, "task:_") == [])
      #expect(try await Self.runs(store, "err:%") == ["Code Review#1"])
    }
  }
}
