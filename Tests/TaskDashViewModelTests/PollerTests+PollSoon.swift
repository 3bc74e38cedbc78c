import Foundation
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// `Poller.pollSoon()`, which a pushed change calls: a waiting poller polls now, and one that
/// is reading polls once more when its read ends (the read may have begun before the change).
extension PollerTests {
  @Test func aWaitingPollerPollsAtOnceWithoutTheClockMoving() async {
    let poller = await startPoller(interval: .seconds(10))
    var events = log.stream.makeAsyncIterator()
    await source.waitForCalls(1)
    await source.answer(.success(1))
    _ = await events.next()
    await clock.waitForSleepers(1)
    await poller.pollSoon()
    await source.waitForCalls(2)
    await source.answer(.success(2))
    #expect(await events.next() == .value(2, at: t0))
    await poller.stop()
  }

  @Test func changesDuringAReadAskForOneMoreReadAfterIt() async {
    let poller = await startPoller(interval: .seconds(10))
    var events = log.stream.makeAsyncIterator()
    await source.waitForCalls(1)
    await poller.pollSoon()
    await poller.pollSoon()
    await source.answer(.success(1))
    _ = await events.next()
    // The second read follows at once: no sleep, no clock movement.
    await source.waitForCalls(2)
    await source.answer(.success(2))
    _ = await events.next()
    // Then the poller waits out its interval: the two calls asked for one read.
    await clock.waitForSleepers(1)
    #expect(await source.calls == 2)
    #expect(await source.maxInFlight == 1)
    await poller.stop()
  }
}
