import Foundation
import TaskDashModel
import TaskDashStore
import Testing

/// The silence rule's inputs as both stores read them, and the tasks' silent counts by the
/// database's own clock, from real rows with real timestamps.
@Suite struct SilentRunReadingTests {
  /// The current time at a whole second, so every backend returns exactly the times it was
  /// given; taken when each test starts (a suite instance is made per test), because the
  /// silent counts are judged by the database's clock: a time taken when the suite was first
  /// touched could be minutes old on a busy machine, and a healthy run would have gone silent.
  let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

  func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

  func running(
    _ task: Task, startedAgo: Double?, createdAgo: Double = 3600, status: RunStatus = .running
  ) -> TaskRun {
    TaskRun(
      taskID: task.id, status: .known(status), startedAt: startedAgo.map(ago), createdAt: ago(createdAgo),
      updatedAt: ago(createdAgo))
  }

  /// Snapshots of three metric names at each of the times, as agents log them: together.
  func snapshots(of run: TaskRun, agoSeconds: [Double]) -> [MetricSnapshot] {
    agoSeconds.flatMap { seconds in
      ["tokens", "cost", "latency"].map { name in
        MetricSnapshot(
          taskID: run.taskID, taskRunID: run.id, name: name, metricType: .known(.gauge), value: 1, unit: nil,
          timestamp: ago(seconds))
      }
    }
  }

  @Test(arguments: TestBackend.reading)
  func runningRunsCarryTheirNewestSnapshotAndTheMedianIntervalBetweenDistinctTimes(
    _ backend: TestBackend
  ) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("silence")
      let steady = running(task, startedAgo: 900, createdAgo: 1000)
      let single = running(task, startedAgo: 800, createdAgo: 1100)
      let quiet = running(task, startedAgo: 700, createdAgo: 1200)
      let unstarted = running(task, startedAgo: nil, createdAgo: 1300)
      let finished = running(task, startedAgo: 600, createdAgo: 1400, status: .completed)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [steady, single, quiet, unstarted, finished])
        // Gaps 10, 10, 20 and 40 seconds: the median (lower middle of four) is 10.
        try await transaction.insert(metrics: snapshots(of: steady, agoSeconds: [400, 360, 340, 330, 320]))
        try await transaction.insert(metrics: snapshots(of: single, agoSeconds: [50]))
        try await transaction.insert(metrics: snapshots(of: finished, agoSeconds: [30, 20]))
      }

      let rows = Dictionary(uniqueKeysWithValues: try await store.reader.runs(RunQuery()).map { ($0.id, $0) })
      #expect(rows[steady.id]?.activity == RunActivity(lastSignAt: ago(320), medianInterval: 10))
      #expect(rows[single.id]?.activity == RunActivity(lastSignAt: ago(50), medianInterval: nil))
      #expect(rows[quiet.id]?.activity == RunActivity(lastSignAt: ago(700), medianInterval: nil))
      #expect(rows[unstarted.id]?.activity == RunActivity(lastSignAt: ago(1300), medianInterval: nil))
      #expect(rows[finished.id]?.activity == nil)

      let page = try await store.reader.runPage(id: steady.id, documentLimit: 100)
      #expect(page?.run.activity == rows[steady.id]?.activity)
      let finishedPage = try await store.reader.runPage(id: finished.id, documentLimit: 100)
      #expect(finishedPage.map { $0.run.activity == nil } == true)
    }
  }

  @Test(arguments: TestBackend.reading)
  func theMedianIsTakenOverTheNewestFewDozenDistinctTimesOnly(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("long run")
      let run = running(task, startedAgo: 90_000)
      // Twenty hourly snapshots long ago, then a steady pace of one every 2 seconds: only the
      // newest window counts, so the median is 2, not dragged up by the old pace.
      let old = (0..<20).map { 80_000 - Double($0) * 3600 }
      let recent = (0..<RunActivity.medianWindow).map { 100 + Double($0) * 2 }
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
        try await transaction.insert(metrics: snapshots(of: run, agoSeconds: old + recent))
      }

      let row = try #require(try await store.reader.runs(RunQuery()).first)
      #expect(row.activity == RunActivity(lastSignAt: ago(100), medianInterval: 2))
    }
  }

  @Test(arguments: TestBackend.reading)
  func aTaskCountsItsSilentRunsApartByTheDatabasesClock(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("watched", status: .running)
      let other = Sample.task("other")
      // Silent: the newest snapshot 20 minutes ago.
      let stale = running(task, startedAgo: 3000)
      // Healthy: a snapshot a minute ago.
      let fresh = running(task, startedAgo: 3000)
      // Healthy: no snapshots, started 2 minutes ago.
      let young = running(task, startedAgo: 120)
      // Silent: no snapshots, started 10 minutes ago.
      let mute = running(task, startedAgo: 600)
      // Healthy: quiet for 20 minutes, but its pace is one snapshot per 10 minutes (limit 30).
      let slow = running(task, startedAgo: 6000)
      // Silent: quiet for 20 minutes at a pace of one per 5 minutes (limit 15).
      let lapsed = running(task, startedAgo: 6000)
      let done = running(task, startedAgo: 6000, status: .failed)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task, other])
        try await transaction.insert(runs: [stale, fresh, young, mute, slow, lapsed, done])
        try await transaction.insert(metrics: snapshots(of: stale, agoSeconds: [1300, 1200]))
        try await transaction.insert(metrics: snapshots(of: fresh, agoSeconds: [60]))
        try await transaction.insert(metrics: snapshots(of: slow, agoSeconds: [3000, 2400, 1800, 1200]))
        try await transaction.insert(metrics: snapshots(of: lapsed, agoSeconds: [2100, 1800, 1500, 1200]))
        try await transaction.insert(metrics: snapshots(of: done, agoSeconds: [5000]))
      }

      let rows = try await store.reader.tasks(TaskQuery(sort: .name))
      #expect(rows.map(\.task.name) == ["other", "watched"])
      #expect(rows.map(\.runningNow) == [0, 6])
      #expect(rows.map(\.silentNow) == [0, 3])
      let page = try await store.reader.taskPage(id: task.id, durationRuns: 10)
      #expect(page?.task.silentNow == 3)
      #expect(page?.task.runningNow == 6)

      // The first healthy run to fall silent is `young` (its limit of 5 minutes from its start);
      // `fresh` follows a minute later and `slow` in 10 minutes. Until then the row holds.
      let due = ago(120).addingTimeInterval(RunActivity.minimumQuiet)
      #expect(rows[0].nextSilenceAt == nil)
      #expect(abs(try #require(rows[1].nextSilenceAt).timeIntervalSince(due)) < 0.002)
      #expect(abs(try #require(page?.task.nextSilenceAt).timeIntervalSince(due)) < 0.002)

      // The runs' own inputs give the same verdict by the client's clock.
      let runs = try await store.reader.runs(RunQuery(taskID: task.id))
      let silent = Set(runs.filter { $0.silentSeconds(at: Date()) != nil }.map(\.id))
      #expect(silent == [stale.id, mute.id, lapsed.id])
    }
  }
}
