import Foundation
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// A data source a test controls: each read waits until the test answers it.
actor ScriptedSource {
  private var waiting: [CheckedContinuation<Result<Int, StoreError>, Never>] = []
  private var callWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
  private(set) var calls = 0
  private(set) var inFlight = 0
  private(set) var maxInFlight = 0

  func read() async throws -> Int {
    calls += 1
    inFlight += 1
    maxInFlight = max(maxInFlight, inFlight)
    let ready = callWaiters.filter { $0.count <= calls }
    callWaiters.removeAll { $0.count <= calls }
    for waiter in ready { waiter.continuation.resume() }
    let result = await withCheckedContinuation { waiting.append($0) }
    inFlight -= 1
    return try result.get()
  }

  /// Returns once `count` reads have started.
  func waitForCalls(_ count: Int) async {
    if calls >= count { return }
    await withCheckedContinuation { callWaiters.append((count, $0)) }
  }

  /// Answers the oldest waiting read.
  func answer(_ result: Result<Int, StoreError>) {
    waiting.removeFirst().resume(returning: result)
  }
}

/// Collects a poller's events for a test to await one at a time.
final class EventLog: Sendable {
  let stream: AsyncStream<PollEvent<Int>>
  let continuation: AsyncStream<PollEvent<Int>>.Continuation

  init() {
    (stream, continuation) = AsyncStream.makeStream(of: PollEvent<Int>.self)
  }

  var record: @Sendable (PollEvent<Int>) -> Void {
    { [continuation] in continuation.yield($0) }
  }
}

@Suite struct PollerTests {
  let clock = ManualClock(start: t0)
  let source = ScriptedSource()
  let log = EventLog()

  func startPoller(interval: Duration = .seconds(1), jitter: Double = 0.5) async -> Poller<Int> {
    let poller = Poller<Int>(clock: clock, interval: interval, jitter: { jitter })
    let source = source
    await poller.start({ try await source.read() }, onEvent: log.record)
    return poller
  }

  @Test func theFirstValueComesAtOnceAndTheNextAfterOneInterval() async {
    let poller = await startPoller()
    var events = log.stream.makeAsyncIterator()
    await source.waitForCalls(1)
    await source.answer(.success(1))
    #expect(await events.next() == .value(1, at: t0))

    await clock.waitForSleepers(1)
    clock.advance(by: .milliseconds(500))
    #expect(clock.sleeperCount == 1)
    clock.advance(by: .milliseconds(500))
    await source.waitForCalls(2)
    await source.answer(.success(2))
    #expect(await events.next() == .value(2, at: t0.addingTimeInterval(1)))
    await poller.stop()
  }

  @Test func pollsAreDueAtAFixedRateWhateverTheirReadsTake() async {
    let poller = await startPoller()
    var events = log.stream.makeAsyncIterator()
    for (poll, readTime) in [(1, 300), (2, 200), (3, 700)] {
      await source.waitForCalls(poll)
      clock.advance(by: .milliseconds(readTime))
      await source.answer(.success(poll))
      _ = await events.next()
      await clock.waitForSleepers(1)
      // Due one interval after the last one was due: the read time is not added on.
      clock.advance(by: .milliseconds(999 - readTime))
      #expect(await source.calls == poll)
      clock.advance(by: .milliseconds(1))
    }
    await source.waitForCalls(4)
    #expect(abs(clock.now.timeIntervalSince(t0) - 3) < 1e-6)
    await poller.stop()
  }

  @Test func aSlowReadIsNeverJoinedByASecond() async {
    let poller = await startPoller()
    var events = log.stream.makeAsyncIterator()
    await source.waitForCalls(1)
    // Time passes while the read is in flight: nothing is sleeping, so nothing else starts.
    clock.advance(by: .seconds(10))
    #expect(clock.sleeperCount == 0)
    #expect(await source.calls == 1)
    await source.answer(.success(1))
    #expect(await events.next() == .value(1, at: t0.addingTimeInterval(10)))

    // The next poll is armed from the end of the slow one.
    await clock.waitForSleepers(1)
    clock.advance(by: .seconds(1))
    await source.waitForCalls(2)
    #expect(await source.maxInFlight == 1)
    await poller.stop()
  }

  @Test func anEqualValueIsReportedAsUnchanged() async {
    let poller = await startPoller()
    var events = log.stream.makeAsyncIterator()
    for (round, value) in [7, 7, 8].enumerated() {
      if round > 0 {
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
      }
      await source.waitForCalls(round + 1)
      await source.answer(.success(value))
    }
    #expect(await events.next() == .value(7, at: t0))
    #expect(await events.next() == .unchanged(at: t0.addingTimeInterval(1)))
    #expect(await events.next() == .value(8, at: t0.addingTimeInterval(2)))
    await poller.stop()
  }

  @Test func restartingWithANewQueryPollsItAtOnce() async {
    let poller = await startPoller()
    var events = log.stream.makeAsyncIterator()
    await source.waitForCalls(1)
    await source.answer(.success(1))
    #expect(await events.next() == .value(1, at: t0))
    await clock.waitForSleepers(1)

    let other = EventLog()
    await poller.start({ 42 }, onEvent: other.record)
    var otherEvents = other.stream.makeAsyncIterator()
    #expect(await otherEvents.next() == .value(42, at: t0))
    await poller.stop()
    #expect(await source.calls == 1)
  }

  @Test func aRestartWaitsForTheReadInFlight() async {
    let poller = await startPoller()
    await source.waitForCalls(1)
    let other = EventLog()
    let source = source
    await poller.start({ try await source.read() }, onEvent: other.record)
    // The replaced read is still in flight: the new one has not started.
    #expect(await source.calls == 1)
    await source.answer(.success(1))
    await source.waitForCalls(2)
    #expect(await source.maxInFlight == 1)
    await source.answer(.success(2))
    var otherEvents = other.stream.makeAsyncIterator()
    #expect(await otherEvents.next() == .value(2, at: t0))
    await poller.stop()
  }

  @Test func failuresAreReportedAndRetriedAfterAJitteredBackoff() async {
    let poller = await startPoller(jitter: 0.5)
    var events = log.stream.makeAsyncIterator()
    await source.waitForCalls(1)
    await source.answer(.failure(.connection("refused")))
    let first = LoadFailure(
      error: .connection("refused"), attempt: 1, at: t0, retryAt: t0.addingTimeInterval(0.5))
    #expect(await events.next() == .failure(first))

    await clock.waitForSleepers(1)
    clock.advance(by: .milliseconds(500))
    await source.waitForCalls(2)
    await source.answer(.failure(.connection("refused")))
    // The second ceiling is 2 s; half of it is 1 s.
    let second = LoadFailure(
      error: .connection("refused"), attempt: 2, at: t0.addingTimeInterval(0.5), retryAt: t0.addingTimeInterval(1.5))
    #expect(await events.next() == .failure(second))

    await clock.waitForSleepers(1)
    clock.advance(by: .seconds(1))
    await source.waitForCalls(3)
    await source.answer(.success(5))
    #expect(await events.next() == .value(5, at: t0.addingTimeInterval(1.5)))
    await poller.stop()
  }

  @Test func aPermanentFailureWaitsAMinuteNotATightLoop() async {
    let poller = await startPoller(jitter: 0)
    var events = log.stream.makeAsyncIterator()
    await source.waitForCalls(1)
    await source.answer(.failure(.authentication("bad password")))
    guard case .failure(let failure) = await events.next() else {
      Issue.record("expected a failure")
      return
    }
    #expect(failure.retryAt == t0.addingTimeInterval(60))
    await clock.waitForSleepers(1)
    clock.advance(by: .seconds(59))
    #expect(clock.sleeperCount == 1)
    clock.advance(by: .seconds(1))
    await source.waitForCalls(2)
    await poller.stop()
  }

  @Test func refreshNowEndsTheWaitAtOnce() async {
    let poller = await startPoller(interval: .seconds(30))
    await source.waitForCalls(1)
    await source.answer(.success(1))
    await clock.waitForSleepers(1)
    await poller.refreshNow()
    await source.waitForCalls(2)
    #expect(clock.now == t0)
    await poller.stop()
  }

  @Test func aShorterIntervalReTimesTheCurrentWait() async {
    let poller = await startPoller(interval: .seconds(60))
    await source.waitForCalls(1)
    await source.answer(.success(1))
    await clock.waitForSleepers(1)
    await poller.setInterval(.seconds(2))
    await clock.waitForSleepers(1)
    clock.advance(by: .seconds(2))
    await source.waitForCalls(2)
    await poller.stop()
  }

  @Test func aStoppedPollerReportsNothingMoreAndARestartWaitsForItsRead() async {
    let poller = await startPoller()
    var events = log.stream.makeAsyncIterator()
    await source.waitForCalls(1)
    await poller.stop()
    await poller.start({ 99 }, onEvent: log.record)
    #expect(clock.sleeperCount == 0)
    await source.answer(.success(1))
    // The stopped read reported nothing; the new start ran only after it ended.
    #expect(await events.next() == .value(99, at: t0))
    await poller.stop()
  }
}
