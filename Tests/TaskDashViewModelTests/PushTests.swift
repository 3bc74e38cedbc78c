import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// Push from the database: the schedule follows the listening session, and a change polls the
/// slots that read the changed table at once.
@Suite struct PushTests {
  @Test func listeningSlowsPollingToTheSafetyIntervalAndLosingItRestoresTheOperatorsAtOnce() {
    var harness = DashboardDriver()
    #expect(harness.state.pollInterval == .seconds(1))
    #expect(!harness.state.showsPush)

    // The health probe slows down with the data polls: at rest the dashboard costs the server
    // one cheap round trip per safety interval, not one a second.
    #expect(harness.send(.push(.listening, at: t0)) == [.setInterval(.seconds(10))])
    #expect(harness.state.showsPush)
    #expect(harness.state.interval == .seconds(1))
    // Saying it again changes nothing.
    #expect(harness.send(.push(.listening, at: t0)) == [])

    #expect(harness.send(.push(.lost, at: t0)) == [.setInterval(.seconds(1))])
    #expect(!harness.state.showsPush)
    #expect(harness.send(.push(.lost, at: t0)) == [])
  }

  @Test func anOperatorsIntervalLongerThanTheSafetyIntervalIsKeptUnderPush() {
    var harness = DashboardDriver()
    harness.send(.push(.listening, at: t0))
    // 1 s → 2 s: still the safety interval for the pollers, while the header says push.
    #expect(harness.press(.slower) == [.setInterval(.seconds(10))])
    #expect(harness.state.interval == .seconds(2))
    harness.press(.slower, .slower, .slower, .slower)
    #expect(harness.state.interval == .seconds(30))
    #expect(harness.effects.last == .setInterval(.seconds(30)))
    #expect(harness.send(.push(.lost, at: t0)) == [.setInterval(.seconds(30))])
  }

  @Test func aChangePollsTheSlotsInViewThatReadTheChangedTableAndNoOthers() {
    var harness = DashboardDriver()
    harness.send(.push(.listening, at: t0))
    // At the top level with no run selected the metrics pane reads nothing.
    #expect(harness.state.polled == [.tasks, .runs, .artifacts, .health])
    #expect(harness.send(.push(.changed([.artifacts]), at: t0)) == [.pollNow([.artifacts])])
    #expect(harness.send(.push(.changed([.metricSnapshots]), at: t0)) == [.pollNow([.tasks, .runs])])
    #expect(
      harness.send(.push(.changed([.tasks, .artifacts]), at: t0)) == [.pollNow([.tasks, .runs, .artifacts])])

    harness.loadRuns([runRow(1)])
    #expect(harness.state.polled.contains(.metrics))
    #expect(
      harness.send(.push(.changed([.metricSnapshots]), at: t0)) == [.pollNow([.tasks, .runs, .metrics])])
  }

  @Test func whilePausedAChangeReadsNothingAndTheHeaderSaysPaused() {
    var harness = DashboardDriver()
    harness.send(.push(.listening, at: t0))
    harness.press(.togglePause)
    #expect(!harness.state.showsPush)
    #expect(harness.send(.push(.changed([.taskRuns]), at: t0)) == [])
  }
}

/// The relay between the reader's signals and the messages: a burst of changes is one message.
@Suite struct PushRelayTests {
  let clock = ManualClock(start: t0)

  @Test func changesWithinTheWindowBecomeOneMessageWithEveryTable() async {
    let (messages, output) = AsyncStream.makeStream(of: Message.self)
    let relay = PushRelay(clock: clock, output: output)
    await relay.receive(.changed([.taskRuns]))
    await relay.receive(.changed([.tasks]))
    await relay.receive(.changed([.taskRuns, .metricSnapshots]))
    await clock.waitForSleepers(1)
    clock.advance(by: PushRelay.window)
    var iterator = messages.makeAsyncIterator()
    let at = t0.adding(PushRelay.window)
    #expect(await iterator.next() == .push(.changed([.taskRuns, .tasks, .metricSnapshots]), at: at))

    // The next change opens a new window.
    await relay.receive(.changed([.artifacts]))
    await clock.waitForSleepers(1)
    clock.advance(by: PushRelay.window)
    #expect(await iterator.next() == .push(.changed([.artifacts]), at: at.adding(PushRelay.window)))
  }

  @Test func aLostSessionSendsTheChangesBeforeItAtOnceThenSaysSo() async {
    let (messages, output) = AsyncStream.makeStream(of: Message.self)
    let relay = PushRelay(clock: clock, output: output)
    await relay.receive(.listening)
    await relay.receive(.changed([.artifacts]))
    await relay.receive(.lost)
    output.finish()
    var received: [Message] = []
    for await message in messages { received.append(message) }
    #expect(received == [.push(.listening, at: t0), .push(.changed([.artifacts]), at: t0), .push(.lost, at: t0)])
  }
}

/// The runtime's side of the schedule: under push every poller, the health probe's too, waits
/// out the safety interval.
@Suite struct PushScheduleRuntimeTests {
  let clock = ManualClock(start: t0)
  let counter = CallCounter()

  @Test func underPushEveryPollerWaitsOutTheSafetyIntervalAndLosingItRestoresTheOperators() async {
    let counter = counter
    let reader = MemoryReader(tasks: [taskRow(1, "alpha")]) { await counter.count($0) }
    let runtime = Runtime(reader: reader, clock: clock)
    runtime.execute([
      .setInterval(.seconds(10)), .startPoll(.tasks(TaskQuery())), .startPoll(.health),
    ])
    var messages = runtime.messages.makeAsyncIterator()
    for _ in 0..<2 { _ = await messages.next() }
    await clock.waitForSleepers(2)
    clock.advance(by: .seconds(9))
    await clock.waitForSleepers(2)
    #expect(await counter.counts == [.tasks: 1, .health: 1])
    clock.advance(by: .seconds(1))
    for _ in 0..<2 { _ = await messages.next() }
    #expect(await counter.counts == [.tasks: 2, .health: 2])

    // Push lost: every poller is back at the operator's interval, re-timed from its last poll.
    await clock.waitForSleepers(2)
    runtime.execute([.setInterval(.seconds(1))])
    clock.advance(by: .seconds(1))
    for _ in 0..<2 { _ = await messages.next() }
    #expect(await counter.counts == [.tasks: 3, .health: 3])
    await runtime.shutdown()
  }
}

/// A lost connection seen by the health probe marks the panes stale at once: under push their
/// own polls may be ten seconds away.
@Suite struct PushStalenessTests {
  @Test func aHealthProbeThatLostTheConnectionMarksEveryPaneInViewStale() {
    var harness = DashboardDriver()
    harness.send(.push(.listening, at: t0))
    harness.loadTasks([taskRow(1, "alpha")])
    let failure = LoadFailure(
      error: .timedOut("the server did not answer"), attempt: 1, at: t0.addingTimeInterval(11),
      retryAt: t0.addingTimeInterval(12))
    harness.send(.failed(.health, failure))
    #expect(harness.state.tasks.data == .failed(failure, lastGood: Stamped([taskRow(1, "alpha")], at: t0)))
    #expect(harness.state.isDisconnected)
  }
}
