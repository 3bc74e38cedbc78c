import Foundation
import Synchronization
import TaskDashDemo
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@Suite struct SimulatorTests {
  static let start = SeederTests.now

  /// Simulates `seconds` of the manual clock on an already seeded database.
  static func simulate(
    _ database: SeedingDatabase, seconds: Double, configuration: SimulationConfiguration = .init(runsPerSecond: 0.5),
    onTick: @escaping @Sendable (SimulationTick) async -> Void = { _ in }
  ) async throws -> (SimulationSummary, [SimulationTick]) {
    let clock = ManualClock(start: start)
    let writer = try await database.openWriter()
    let reader = try await database.openReader()
    let ticks = Mutex<[SimulationTick]>([])
    let simulator = Simulator(
      writer: writer, reader: reader, catalog: SeederTests.catalog, configuration: configuration,
      now: { clock.now })
    let summary = try await simulator.run(
      duration: seconds, sleep: { clock.advance(by: .seconds($0)) },
      onTick: { tick in
        ticks.withLock { $0.append(tick) }
        await onTick(tick)
      })
    await reader.close()
    await writer.close()
    return (summary, ticks.withLock { $0 })
  }

  @Test(arguments: SeedingDatabase.backends)
  func runsStartRunAndFinishWithCountersKeptRight(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      _ = try await SeederTests.seed(database)
      let before = try await database.counts()
      let (summary, ticks) = try await Self.simulate(database, seconds: 240)
      #expect(summary.ticks == ticks.count && summary.ticks >= 240)
      #expect(summary.started >= 60)
      #expect((summary.finished[.completed] ?? 0) > 0)
      #expect((summary.finished[.failed] ?? 0) + (summary.finished[.timeout] ?? 0) > 0)
      let after = try await database.counts()
      #expect(after[1] == before[1] + summary.started)
      #expect(after[2] == before[2] + summary.metrics)
      #expect(after[3] == before[3] + summary.artifacts)
      #expect(try await database.tasksWithWrongCounters().isEmpty)
      // Every run the simulator finished has a log and a report, and its error when it failed.
      let finishedWithoutArtifacts = try await database.values(
        """
        SELECT r.id FROM task_runs r WHERE r.created_at >= (SELECT max(created_at) FROM tasks)
          AND r.status IN ('completed', 'failed', 'timeout')
          AND (SELECT count(*) FROM artifacts a WHERE a.task_run_id = r.id AND a.artifact_type IN ('log', 'report')) < 2
        """)
      #expect(finishedWithoutArtifacts.isEmpty)
      let failedWithoutMessage = try await database.count(
        "task_runs WHERE status IN ('failed', 'timeout') AND (error_message IS NULL OR error_details IS NULL)")
      #expect(failedWithoutMessage == 0)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func runsLeftRunningBySeedingAreCarriedToTheirEnd(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      _ = try await SeederTests.seed(database)
      let (summary, ticks) = try await Self.simulate(
        database, seconds: 200, configuration: SimulationConfiguration(runsPerSecond: 0))
      #expect(summary.started == 0)
      #expect(ticks.contains { $0.count(.running) > 0 } && ticks.contains { $0.count(.completed) > 0 })
      #expect(try await database.count("task_runs WHERE status = 'running'") == 0)
      #expect(try await database.count("task_runs WHERE status = 'pending'") == 0)
      #expect(try await database.count("tasks WHERE status = 'running'") == 0)
      #expect(try await database.tasksWithWrongCounters().isEmpty)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func cancellingStopsBetweenTicksWithEveryTickCommitted(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      _ = try await SeederTests.seed(database)
      let before = try await database.counts()
      let work = _Concurrency.Task {
        try await Self.simulate(database, seconds: 3600) { tick in
          if tick.number == 5 { withUnsafeCurrentTask { $0?.cancel() } }
        }
      }
      let (summary, ticks) = try await work.value
      #expect(ticks.count == 5 && summary.ticks == 5)
      let after = try await database.counts()
      #expect(after[2] == before[2] + summary.metrics)
      #expect(after[1] == before[1] + summary.started)
    }
  }

  @Test(arguments: SeedingDatabase.backends)
  func theSameSeedAndClockGiveTheSameTicks(_ backend: TestBackend) async throws {
    var runs: [[SimulationTick]] = []
    for _ in 0..<2 {
      try await SeedingDatabase.with(backend) { database in
        _ = try await SeederTests.seed(database)
        runs.append(try await Self.simulate(database, seconds: 40).1)
      }
    }
    #expect(runs[0] == runs[1])
    #expect(runs[0].contains { !$0.events.isEmpty })
  }

  @Test(arguments: SeedingDatabase.backends)
  func anEmptyDatabaseHasNothingToSimulate(_ backend: TestBackend) async throws {
    try await SeedingDatabase.with(backend) { database in
      let writer = try await database.openWriter()
      let reader = try await database.openReader()
      let simulator = Simulator(writer: writer, reader: reader, catalog: SeederTests.catalog)
      await #expect(throws: SimulationError.noTasks) { try await simulator.tick() }
      await reader.close()
      await writer.close()
    }
  }
}
