import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// A data version a test moves by hand, as another connection's commit would.
actor ScriptedVersion: DataVersionReading {
  private var version: Int64 = 1

  func dataVersion() async throws -> Int64? { version }

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

  var reader: MemoryReader {
    let counter = counter
    return MemoryReader(tasks: [taskRow(1, "alpha")], runs: [runRow(1)]) { await counter.count($0) }
  }

  @Test func aSlotReadsAgainOnlyWhenTheDataVersionMoved() async throws {
    let gate = DataVersionGate(versions: version)
    let reader = reader
    let request = PollRequest.runs(RunQuery())
    let first = try await gate.read(request, from: reader)
    #expect(try await gate.read(request, from: reader) == first)
    #expect(try await gate.read(request, from: reader) == first)
    #expect(await counter.counts[.runs] == 1)

    await version.commit()
    _ = try await gate.read(request, from: reader)
    #expect(await counter.counts[.runs] == 2)
    // Another query in the same slot is read, whatever the version.
    _ = try await gate.read(.runs(RunQuery(limit: 5)), from: reader)
    #expect(await counter.counts[.runs] == 3)
  }

  @Test func aSlotJudgedAgainstTheClockAlwaysReads() async throws {
    let gate = DataVersionGate(versions: version)
    let reader = reader
    // The tasks pane counts silent runs by the time of the read: a run turns silent while
    // nothing is written.
    for _ in 0..<3 { _ = try await gate.read(.tasks(TaskQuery()), from: reader) }
    #expect(await counter.counts[.tasks] == 3)
  }
}
