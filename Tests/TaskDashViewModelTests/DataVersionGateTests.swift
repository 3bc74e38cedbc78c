import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// A data version a test moves by hand, as another connection's commit would.
actor ScriptedVersion: DataVersionReading {
  private var version: Int64 = 1
  /// How often the version was asked.
  private(set) var asked = 0

  func dataVersion() async throws -> Int64? {
    asked += 1
    return version
  }

  func commit() { version += 1 }
}

/// Counts a reader's calls by name.
actor CallCounter {
  private(set) var counts: [ReaderCall: Int] = [:]

  func count(_ call: ReaderCall) { counts[call, default: 0] += 1 }
}

@Suite struct DataVersionGateTests {
  let counter = CallCounter()
  let version = ScriptedVersion()
  let clock = ManualClock(start: t0)

  func reader(tasks: [TaskRow] = [taskRow(1, "alpha")]) -> MemoryReader {
    let counter = counter
    return MemoryReader(tasks: tasks, runs: [runRow(1)]) { await counter.count($0) }
  }

  @Test func aSlotReadsAgainOnlyWhenTheDataVersionMoved() async throws {
    let gate = DataVersionGate(versions: version, clock: clock)
    let reader = reader()
    let request = PollRequest.runs(RunQuery())
    let first = try await gate.read(request, from: reader)
    #expect(try await gate.read(request, from: reader) == first)
    #expect(try await gate.read(request, from: reader) == first)
    #expect(await counter.counts[.runs] == 1)

    // The next round, after a commit.
    await version.commit()
    clock.advance(by: .seconds(1))
    _ = try await gate.read(request, from: reader)
    #expect(await counter.counts[.runs] == 2)
    // Another query in the same slot is read, whatever the version.
    _ = try await gate.read(.runs(RunQuery(limit: 5)), from: reader)
    #expect(await counter.counts[.runs] == 3)
  }

  @Test func theTasksAreHeldUntilTheirFirstRunningRunTurnsSilent() async throws {
    let gate = DataVersionGate(versions: version, clock: clock)
    var soon = taskRow(1, "alpha")
    soon.nextSilenceAt = t0.addingTimeInterval(60)
    var later = taskRow(2, "beta")
    later.nextSilenceAt = t0.addingTimeInterval(90)
    let reader = reader(tasks: [soon, later, taskRow(3, "gamma")])
    for _ in 0..<3 { _ = try await gate.read(.tasks(TaskQuery()), from: reader) }
    clock.advance(by: .seconds(59))
    _ = try await gate.read(.tasks(TaskQuery()), from: reader)
    #expect(await counter.counts[.tasks] == 1)

    // At the first moment a silent count can change, the tasks are read again.
    clock.advance(by: .seconds(1))
    _ = try await gate.read(.tasks(TaskQuery()), from: reader)
    #expect(await counter.counts[.tasks] == 2)
  }

  @Test func tasksWithNoRunThatCanTurnSilentAreHeldUntilTheDataChanges() async throws {
    let gate = DataVersionGate(versions: version, clock: clock)
    let reader = reader()
    _ = try await gate.read(.tasks(TaskQuery()), from: reader)
    clock.advance(by: .seconds(3_600))
    _ = try await gate.read(.tasks(TaskQuery()), from: reader)
    #expect(await counter.counts[.tasks] == 1)
    await version.commit()
    clock.advance(by: .seconds(1))
    _ = try await gate.read(.tasks(TaskQuery()), from: reader)
    #expect(await counter.counts[.tasks] == 2)
  }

  @Test(arguments: [
    PollRequest.tasks(TaskQuery(filter: FilterQuery([.init(.silent)]))),
    .runs(RunQuery(filter: FilterQuery([.init(.since(seconds: 3_600))]))),
    .health,
    .taskPage(id: taskRow(1, "alpha").id, durationRuns: 20),
  ])
  func aRequestJudgedAgainstTheClockAlwaysReadsWithoutAskingTheVersion(_ request: PollRequest) async throws {
    let gate = DataVersionGate(versions: version, clock: clock)
    let reader = reader()
    var answers: [PollValue] = []
    for _ in 0..<3 { answers.append(try await gate.read(request, from: reader)) }
    #expect(await counter.counts.values.reduce(0, +) >= 3)
    #expect(await version.asked == 0)
    #expect(answers.allSatisfy { $0.request == request })
  }
}

/// One version check serves the slots of a poll round, and never outlives an announced change.
@Suite struct SharedDataVersionTests {
  let counter = CallCounter()
  let version = ScriptedVersion()
  let clock = ManualClock(start: t0)

  var reader: MemoryReader {
    let counter = counter
    return MemoryReader(tasks: [taskRow(1, "alpha")], runs: [runRow(1)]) { await counter.count($0) }
  }

  @Test func theSlotsOfOneRoundShareOneVersionCheck() async throws {
    let gate = DataVersionGate(versions: version, clock: clock)
    let reader = reader
    for request in [PollRequest.tasks(TaskQuery()), .runs(RunQuery()), .artifacts(ArtifactQuery())] {
      _ = try await gate.read(request, from: reader)
    }
    #expect(await version.asked == 1)
    clock.advance(by: .seconds(10))
    for request in [PollRequest.tasks(TaskQuery()), .runs(RunQuery()), .artifacts(ArtifactQuery())] {
      _ = try await gate.read(request, from: reader)
    }
    #expect(await version.asked == 2)
    #expect(await counter.counts[.runs] == 1, "nothing changed: the rows were held")
  }

  @Test func anAnnouncedChangeIsNeverMetWithAVersionAskedBeforeIt() async throws {
    let gate = DataVersionGate(versions: version, clock: clock)
    let reader = reader
    _ = try await gate.read(.runs(RunQuery()), from: reader)
    // A commit, then its notification within the same round: the shared version predates it.
    await version.commit()
    await gate.forgetSharedVersion()
    _ = try await gate.read(.runs(RunQuery()), from: reader)
    #expect(await counter.counts[.runs] == 2)
    #expect(await version.asked == 2)
  }
}
