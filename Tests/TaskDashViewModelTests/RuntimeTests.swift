import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashViewModel

/// A store in memory; `failure` makes every read throw it.
actor MemoryReader: DashboardReading {
  var taskRows: [TaskRow] = []
  var artifactRows: [UUID: ArtifactRow] = [:]
  var contents: [UUID: [UInt8]] = [:]
  var failure: (any Error)?

  func set(tasks: [TaskRow]) { taskRows = tasks }
  func set(artifact: ArtifactRow, content: [UInt8]) {
    artifactRows[artifact.id] = artifact
    contents[artifact.id] = content
  }
  func set(failure: (any Error)?) { self.failure = failure }

  func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    if let failure { throw failure }
    return taskRows
  }

  func runs(_ query: RunQuery) async throws -> [RunRow] {
    if let failure { throw failure }
    return []
  }

  func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    if let failure { throw failure }
    return []
  }

  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    if let failure { throw failure }
    return Array(artifactRows.values)
  }

  func artifact(id: UUID) async throws -> ArtifactRow? {
    if let failure { throw failure }
    return artifactRows[id]
  }

  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    if let failure { throw failure }
    let content = contents[id] ?? []
    return slice(content, ContentRequest(.artifact(id), offset: offset, length: length))
  }

  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    if let failure { throw failure }
    return []
  }

  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    if let failure { throw failure }
    return nil
  }

  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    if let failure { throw failure }
    return nil
  }

  func taskID(named name: String) async throws -> UUID? {
    if let failure { throw failure }
    return taskRows.first { $0.task.name == name }?.id
  }

  func runID(taskName: String, number: Int) async throws -> UUID? {
    if let failure { throw failure }
    return nil
  }

  func health() async throws -> Health {
    if let failure { throw failure }
    return Health(roundTrip: .microseconds(40), serverVersion: "memory", schemaVersion: 1)
  }

  func close() async {}
}

struct OddError: Error, CustomStringConvertible {
  var description: String { "odd" }
}

@Suite struct RuntimeTests {
  let clock = ManualClock(start: t0)
  let reader = MemoryReader()

  @Test func aStartedPollAnswersAtOnce() async {
    await reader.set(tasks: [taskRow(1, "alpha")])
    let runtime = Runtime(reader: reader, clock: clock)
    runtime.execute([.startPoll(.tasks(TaskQuery()))])
    var messages = runtime.messages.makeAsyncIterator()
    #expect(await messages.next() == .loaded(.tasks(TaskQuery(), [taskRow(1, "alpha")]), at: t0))
    await runtime.shutdown()
  }

  @Test func metadataAndContentReadsAreAnswered() async {
    let artifact = artifactRow(1, name: "a.txt", length: 11)
    await reader.set(artifact: artifact, content: bytes("hello world"))
    let runtime = Runtime(reader: reader, clock: clock)
    let request = ContentRequest(.artifact(artifact.id), offset: 6, length: 100)
    runtime.execute([.fetchArtifact(artifact.id), .fetchContent(request)])
    var messages = runtime.messages.makeAsyncIterator()
    var received: [Message] = []
    for _ in 0..<2 { received += [await messages.next()].compactMap { $0 } }
    #expect(received.contains(.artifactLoaded(artifact.id, artifact, at: t0)))
    #expect(received.contains(.contentLoaded(request, bytes("world"))))
    await runtime.shutdown()
  }

  @Test func anErrorThatIsNotAStoreErrorBecomesAQueryFailure() async {
    await reader.set(failure: OddError())
    let runtime = Runtime(reader: reader, clock: clock)
    runtime.execute([.fetchOnce(.health)])
    var messages = runtime.messages.makeAsyncIterator()
    let failure = LoadFailure(error: .query(sqlState: nil, message: "odd"), attempt: 1, at: t0, retryAt: nil)
    #expect(await messages.next() == .failed(.health, failure))
    await runtime.shutdown()
  }

  @Test func quitStopsThePollsAndFinishesTheStream() async {
    let runtime = Runtime(reader: reader, clock: clock)
    runtime.execute([.startPoll(.health), .quit])
    // The loop ends because the stream finishes; no poller is left waiting to poll again.
    for await _ in runtime.messages {}
    #expect(clock.sleeperCount == 0)
  }

  @Test func theUpdateLoopAndTheRuntimeTogetherFillThePanes() async {
    await reader.set(tasks: [taskRow(1, "alpha"), taskRow(2, "beta")])
    let runtime = Runtime(reader: reader, clock: clock)
    var state = AppState(now: t0)
    runtime.execute(update(&state, .layout(gridLayout(100, 30))))
    runtime.execute(update(&state, .start(at: t0)))
    for await message in runtime.messages {
      runtime.execute(update(&state, message))
      if state.tasks.rows.count == 2, state.connection.roundTrip != nil {
        runtime.execute(update(&state, .action(.quit)))
      }
    }
    #expect(state.tasks.rows.map(\.id) == [id(1), id(2)])
    #expect(state.connection.status == .connected)
    #expect(state.isQuitting)
  }
}
