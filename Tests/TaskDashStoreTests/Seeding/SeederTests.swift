import Foundation
import TaskDashDemo
import TaskDashModel
import TaskDashStore
import Testing

/// A reporter that fails once `limit` rows have been written, standing in for a crash part-way.
private struct FailingReporter: SeedProgressReporting {
  struct Injected: Error {}
  let limit: Int

  func report(_ progress: SeedProgress) throws {
    if progress.rowsWritten >= limit { throw Injected() }
  }
}

@Suite struct SeederTests {
  static let now = Date(timeIntervalSince1970: 1_750_000_000)
  static let catalog = try! SeedCatalog.embedded()
  static let small = ScaleCounts(tasks: 7, runs: 300, metrics: 4000, artifacts: 40)

  /// Seeds through a writer of its own, closed afterwards.
  static func seed(
    _ database: SeedingDatabase, _ content: SeedContent = .demo, seed: UInt64 = 42,
    policy: SeedConflictPolicy = .refuse, progress: (any SeedProgressReporting)? = nil, batchSize: Int = 5000
  ) async throws -> SeedSummary {
    let writer = try await database.openWriter()
    do {
      let summary = try await Seeder(writer: writer, catalog: catalog, batchSize: batchSize)
        .seed(content, randomSeed: seed, now: now, policy: policy, progress: progress)
      await writer.close()
      return summary
    } catch {
      await writer.close()
      throw error
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func theDemoSetLandsWithCountersMatchingItsRuns(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      let summary = try await Self.seed(database)
      #expect(summary.tasks == 8)
      #expect(try await database.counts() == [summary.tasks, summary.runs, summary.metricSnapshots, summary.artifacts])
      #expect(try await database.tasksWithWrongCounters().isEmpty)
      let completed = try await database.count("task_runs WHERE status = 'completed'")
      #expect(summary.successfulExecutions == completed && summary.totalExecutions == summary.runs)
      #expect(summary.tables.map(\.table) == ["tasks", "task_runs", "metric_snapshots", "artifacts"])
      let largest = try await database.values("SELECT max(file_size) FROM artifacts").first.flatMap { $0 }
      #expect(Int(largest ?? "") ?? 0 >= 5_000_000)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func aNonEmptyDatabaseIsRefusedAndLeftUnchanged(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      _ = try await Self.seed(database)
      let before = try await database.counts()
      await #expect(throws: SeedError.notEmpty) { try await Self.seed(database, seed: 7) }
      await #expect(throws: SeedError.notEmpty) { try await Self.seed(database, .scale(Self.small)) }
      #expect(try await database.counts() == before)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func forceAppendsASecondSetBesideTheFirst(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      let first = try await Self.seed(database)
      let second = try await Self.seed(database, seed: 43, policy: .append)
      #expect(try await database.count("tasks") == first.tasks + second.tasks)
      #expect(try await database.count("task_runs") == first.runs + second.runs)
      #expect(try await database.tasksWithWrongCounters().isEmpty)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func resetReplacesTheDataAndGivesTheSameCountsAgain(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      _ = try await Self.seed(database)
      let before = try await database.counts()
      let dump = try await database.dump()
      let summary = try await Self.seed(database, policy: .reset)
      #expect(summary.reset)
      #expect(try await database.counts() == before)
      #expect(try await database.dump() == dump)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func theSameRandomSeedGivesTheSameRowsInAnotherDatabase(_ backend: TestBackend) async throws {
    var dumps: [[String?]] = []
    for _ in 0..<2 {
      try await SeedingDatabase.with(backend) { database in
        _ = try await Self.seed(database, .scale(Self.small), seed: 9)
        dumps.append(try await database.dump())
      }
    }
    #expect(dumps[0] == dumps[1])
    #expect(dumps[0].count > Self.small.total - Self.small.tasks)
  }

  @Test(arguments: SeedingDatabase.backends)
  func aFailurePartWayLeavesNothingBehind(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      await #expect(throws: FailingReporter.Injected.self) {
        try await Self.seed(database, progress: FailingReporter(limit: 3000), batchSize: 1000)
      }
      await #expect(throws: FailingReporter.Injected.self) {
        try await Self.seed(database, .scale(Self.small), progress: FailingReporter(limit: 2500), batchSize: 500)
      }
      #expect(try await database.counts() == [0, 0, 0, 0])
      // The failed attempts left the database usable and empty.
      _ = try await Self.seed(database)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func aFailureDuringAResetKeepsTheOldData(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      _ = try await Self.seed(database)
      let before = try await database.counts()
      await #expect(throws: FailingReporter.Injected.self) {
        try await Self.seed(database, .scale(Self.small), policy: .reset, progress: FailingReporter(limit: 1000))
      }
      #expect(try await database.counts() == before)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func twoConcurrentSeedsGiveExactlyOneSuccess(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      let results = await withTaskGroup(of: Result<SeedSummary, any Error>.self) { group in
        for seed in [UInt64(1), 2] {
          group.addTask {
            do {
              return .success(try await Self.seed(database, .scale(Self.small), seed: seed))
            } catch {
              return .failure(error)
            }
          }
        }
        return await group.reduce(into: []) { $0.append($1) }
      }
      let successes = results.compactMap { try? $0.get() }
      #expect(successes.count == 1)
      let failure = results.compactMap { result -> (any Error)? in
        if case .failure(let error) = result { error } else { nil }
      }
      #expect(failure.count == 1 && failure.first as? SeedError == .notEmpty)
      let counts = try await database.counts()
      #expect(counts == [7, 300, 4000, 40])
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func anUnmigratedDatabaseAsksForMigrateUpAndStaysEmpty(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend, migrated: false) { database in
      await #expect(throws: SeedError.notMigrated) { try await Self.seed(database) }
      #expect(SeedError.notMigrated.description.contains("run taskdash migrate up first"))
      let tables = try await database.values(Self.tableNamesSQL(backend))
      #expect(tables.isEmpty)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func scaleModeWritesExactlyTheCountsWithExplicitRunNumbers(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      let summary = try await Self.seed(database, .scale(Self.small), batchSize: 700)
      #expect(try await database.counts() == [7, 300, 4000, 40])
      #expect(summary.rows == Self.small.total)
      #expect(try await database.tasksWithWrongCounters().isEmpty)
      let highest = try await database.values("SELECT max(run_number) FROM task_runs").first.flatMap { $0 }
      #expect(highest == String((300 + 6) / 7))
      #expect(try await database.count("metric_snapshots WHERE task_run_id IS NULL") == 0)
    }
  }

  static func tableNamesSQL(_ backend: TestBackend) -> String {
    switch backend.engine {
    case .sqlite: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('tasks', 'task_runs')"
    case .postgres: "SELECT tablename FROM pg_tables WHERE tablename IN ('tasks', 'task_runs')"
    }
  }
}
