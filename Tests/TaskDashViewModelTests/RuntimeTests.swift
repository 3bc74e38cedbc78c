import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

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
    let reader = MemoryReader { _ in throw OddError() }
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
