import Foundation
import TaskDashModel
import TaskDashStore
import Testing

/// Retention on both backends: what goes, what stays, and that counters and rollups agree.
@Suite struct PruneTests {
  static let day: Double = 86_400

  /// A task with an old finished run, a run still running since long ago and a newer finished
  /// run (the task's latest); snapshots of each and of the task alone, old and new.
  struct Scene {
    let task = Sample.task("retained")
    let finished: TaskRun
    let running: TaskRun
    let latest: TaskRun

    init() {
      finished = Sample.run(of: task, status: .completed, at: -10 * PruneTests.day)
      running = Sample.run(of: task, status: .running, at: -10 * PruneTests.day + 1)
      latest = Sample.run(of: task, status: .completed, at: -1)
    }

    /// Before the cutoff: 3 days of the finished run (3 × 4), the running run's (4) and the
    /// task's own (2). After it: 2 of the running run and 2 of the latest.
    var metrics: [MetricSnapshot] {
      var rows: [MetricSnapshot] = []
      for days in [10.0, 9, 8] {
        for second in 0..<4 {
          rows.append(
            Sample.metric("loss", value: 1, at: -days * PruneTests.day + Double(second) * 30, run: finished.id))
        }
      }
      for second in 0..<4 {
        rows.append(Sample.metric("loss", value: 2, at: -10 * PruneTests.day + Double(second), run: running.id))
      }
      rows.append(Sample.metric("queue", value: 3, at: -9 * PruneTests.day, task: task.id))
      rows.append(Sample.metric("queue", value: 3, at: -8 * PruneTests.day, task: task.id))
      rows.append(Sample.metric("loss", value: 2, at: -60, run: running.id))
      rows.append(Sample.metric("loss", value: 2, at: -30, run: running.id))
      rows.append(Sample.metric("loss", value: 4, at: -20, run: latest.id))
      rows.append(Sample.metric("loss", value: 4, at: -10, run: latest.id))
      return rows
    }

    static let oldRemovable = 14
    static let total = 22
    var cutoff: Date { Sample.time(-5 * PruneTests.day) }

    func write(to store: StoreFixture) async throws {
      let metrics = metrics
      try await store.write { [self] transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [finished, running, latest])
        try await transaction.insert(metrics: metrics)
        try await transaction.insert(artifacts: [
          Sample.artifact("old report", at: -10 * PruneTests.day, task: task.id, run: finished.id),
          Sample.artifact("live log", at: -10 * PruneTests.day, task: task.id, run: running.id),
        ])
      }
    }
  }

  private func count(_ store: StoreFixture, _ sql: String) async throws -> Int {
    try await store.raw.integer(sql) ?? -1
  }

  private func id(_ run: TaskRun) -> String { run.id.uuidString.lowercased() }

  /// Runs `body` on a fresh database holding the scene, with a maintainer that has prepared
  /// the scene's days (PostgreSQL partitions) and is closed afterwards.
  private func withScene(
    _ backend: TestBackend, _ body: (StoreFixture, Scene, any MaintenanceWriting) async throws -> Void
  ) async throws {
    try await backend.withFixture { store in
      let scene = Scene()
      try await scene.write(to: store)
      let maintainer = try await store.openMaintainer()
      do {
        _ = try await maintainer.ensurePartitions(since: Sample.time(-12 * Self.day), through: Sample.time(Self.day))
        try await body(store, scene, maintainer)
      } catch {
        await maintainer.close()
        throw error
      }
      await maintainer.close()
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aDryRunCountsAndRemovesNothing(_ backend: TestBackend) async throws {
    try await withScene(backend) { store, scene, maintainer in
      let report = try await maintainer.prune(PrunePlan(cutoff: scene.cutoff, runs: true, dryRun: true))
      // The finished run's two newer-than-cutoff rows do not exist; its old rows are counted once.
      #expect(report.metricSnapshots == Scene.oldRemovable)
      #expect(report.taskRuns == 1)
      #expect(report.artifacts == 1)
      #expect(try await count(store, "SELECT count(*) FROM metric_snapshots") == Scene.total)
      #expect(try await count(store, "SELECT count(*) FROM task_runs") == 3)
      #expect(try await count(store, "SELECT count(*) FROM artifacts") == 2)
    }
  }

  /// By delete, the same rows go and every partition stays.
  @Test(arguments: TestBackend.allCases)
  func byDeleteRemovesTheSameRowsAndDropsNoPartition(_ backend: TestBackend) async throws {
    try await withScene(backend) { store, scene, maintainer in
      let partitions = "SELECT count(*) FROM pg_inherits WHERE inhparent = 'metric_snapshots'::regclass"
      let before = backend == .postgres ? try await count(store, partitions) : 0
      let report = try await maintainer.prune(PrunePlan(cutoff: scene.cutoff, batchSize: 3, byDelete: true))
      #expect(report.metricSnapshots == Scene.oldRemovable)
      #expect(report.droppedPartitions.isEmpty)
      #expect(try await count(store, "SELECT count(*) FROM metric_snapshots") == Scene.total - Scene.oldRemovable)
      if backend == .postgres {
        #expect(try await count(store, partitions) == before)
        #expect(
          try await count(store, "SELECT sum(points) FROM metric_rollups")
            == count(store, "SELECT count(*) FROM metric_snapshots"))
      }
    }
  }

  @Test(arguments: TestBackend.allCases)
  func pruneKeepsEveryRowOfARunningRunAndIsIdempotent(_ backend: TestBackend) async throws {
    try await withScene(backend) { store, scene, maintainer in
      // Batches of two rows, while a writer adds new snapshots to the running run.
      let written = 40
      let running = scene.running
      let report = try await withThrowingTaskGroup(of: PruneReport?.self) { group in
        group.addTask {
          for index in 0..<written {
            try await store.write { transaction in
              try await transaction.insert(metrics: [
                Sample.metric("live", value: Double(index), at: Double(index), run: running.id)
              ])
            }
          }
          return nil
        }
        group.addTask {
          try await maintainer.prune(PrunePlan(cutoff: scene.cutoff, batchSize: 2))
        }
        var report: PruneReport?
        for try await result in group where result != nil {
          report = result
        }
        return report
      }
      #expect(report?.metricSnapshots == Scene.oldRemovable)
      #expect(try await count(store, "SELECT count(*) FROM metric_snapshots") == Scene.total - 14 + written)
      #expect(
        try await count(store, "SELECT count(*) FROM metric_snapshots WHERE task_run_id = '\(id(scene.running))'")
          == 6 + written)
      #expect(
        try await count(store, "SELECT count(*) FROM metric_rollups WHERE task_run_id = '\(id(scene.finished))'") == 0)
      if backend == .postgres {
        // Every day wholly before the cutoff was dropped, empty or not, but the one holding the
        // running run's rows (2023-11-04), whose other rows went in batches.
        #expect(
          report?.droppedPartitions
            == ["02", "03", "05", "06", "07", "08"].map { "metric_snapshots_p202311" + $0 })
        #expect(
          try await count(store, "SELECT sum(points) FROM metric_rollups")
            == count(store, "SELECT count(*) FROM metric_snapshots"))
      }

      let again = try await maintainer.prune(PrunePlan(cutoff: scene.cutoff))
      #expect(again == PruneReport())
    }
  }

  @Test(arguments: TestBackend.allCases)
  func pruningRunsTakesTheirArtifactsAndKeepsCountersAndNumbersRight(_ backend: TestBackend) async throws {
    try await withScene(backend) { store, scene, maintainer in
      let report = try await maintainer.prune(PrunePlan(cutoff: scene.cutoff, runs: true))
      #expect(report.taskRuns == 1)
      #expect(report.artifacts == 1)
      #expect(report.metricSnapshots == Scene.oldRemovable)
      #expect(try await count(store, "SELECT count(*) FROM task_runs WHERE id = '\(id(scene.finished))'") == 0)
      #expect(try await count(store, "SELECT count(*) FROM artifacts") == 1)
      let row = try #require(try await store.reader.tasks(TaskQuery(limit: 10)).first { $0.id == scene.task.id })
      let counters = [row.task.totalRuns, row.task.successfulRuns, row.task.failedRuns]
      #expect(counters == [2, 1, 0])
      #expect(try await store.realCounts(of: scene.task.id) == [2, 1, 0])
      // The next run's number follows the latest, which is kept.
      let next = try await store.write { transaction in
        try await transaction.insert(run: Sample.run(of: scene.task, status: .pending, at: 0))
      }
      #expect(next == 4)

      let again = try await maintainer.prune(PrunePlan(cutoff: scene.cutoff, runs: true))
      #expect(again == PruneReport())
    }
  }
}
