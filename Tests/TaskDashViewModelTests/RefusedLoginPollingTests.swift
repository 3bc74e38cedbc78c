import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// Five pollers over a reader whose login is refused: the server sees one attempt a minute.
@Suite struct RefusedLoginPollingTests {
  let clock = ManualClock(start: t0)
  let server = FakeLoginServer(refusing: true)
  let requests: [PollRequest] = [
    .tasks(TaskQuery()), .runs(RunQuery()), .metrics(MetricQuery(scope: .task(id(1)))),
    .artifacts(ArtifactQuery()), .health,
  ]

  /// The next `count` poll results, failures as such and anything else as nil.
  static func next(
    _ count: Int, from messages: inout AsyncStream<Message>.Iterator
  ) async -> [LoadFailure?] {
    var results: [LoadFailure?] = []
    while results.count < count, let message = await messages.next() {
      switch message {
      case .failed(_, let failure): results.append(failure)
      case .loaded, .unchanged: results.append(nil)
      default: break
      }
    }
    return results
  }

  @Test func fivePanesPollingThroughARefusedLoginSendOneLoginAMinuteAndRecoverWhenItIsFixed() async {
    let (clock, server) = (clock, server)
    let reader = ReconnectingReader(now: { clock.now }) { try await server.openReader() }
    let runtime = Runtime(reader: reader, clock: clock, interval: .seconds(1), jitter: { 0.5 })
    var messages = runtime.messages.makeAsyncIterator()

    // Given a wrong password, when five panes start polling, then one login reaches the server,
    // and every pane reports the refusal with its retry a minute later.
    runtime.execute(requests.map(Effect.startPoll))
    let first = await Self.next(5, from: &messages)
    #expect(first.map { $0?.error } == Array(repeating: FakeLoginServer.refusal, count: 5))
    #expect(first.allSatisfy { $0?.retryAt == t0.addingTimeInterval(60) })
    #expect(await server.logins == 1)

    // A minute later the panes poll again: one more login.
    await clock.waitForSleepers(5)
    clock.advance(by: .seconds(60))
    let second = await Self.next(5, from: &messages)
    #expect(second.allSatisfy { $0?.error == FakeLoginServer.refusal })
    #expect(await server.logins == 2)

    // `r` asks for one login at once.
    await clock.waitForSleepers(5)
    runtime.execute([.reconnectNow, .refreshPolls])
    let forced = await Self.next(5, from: &messages)
    #expect(forced.allSatisfy { $0?.error == FakeLoginServer.refusal })
    #expect(await server.logins == 3)

    // Once the password is fixed, the next retry logs in once and every pane is answered;
    await server.setRefusing(false)
    await clock.waitForSleepers(5)
    clock.advance(by: .seconds(60))
    #expect(await Self.next(5, from: &messages) == Array(repeating: nil, count: 5))
    #expect(await server.logins == 4)

    // later polls use that session.
    await clock.waitForSleepers(5)
    clock.advance(by: .seconds(1))
    #expect(await Self.next(5, from: &messages) == Array(repeating: nil, count: 5))
    #expect(await server.logins == 4)
    await runtime.shutdown()
    await reader.close()
  }
}
