import Foundation
import TaskDashTestSupport
import TaskDashUI
import TaskDashViewModel
import TerminalUI
import Testing

/// The run loop over an in-memory terminal and store, with time that moves only by hand.
@MainActor @Suite struct DashboardLoopTests {
  let terminal = TestTerminal(size: Size(width: 80, height: 24))
  let clock = ManualClock(start: t0)

  func makeLoop() -> DashboardLoop {
    DashboardLoop(
      terminal: terminal, reader: MemoryReader.sample(), target: "sqlite:demo.sqlite", theme: .monochrome, clock: clock)
  }

  /// Whether every pane and the health probe have answered.
  func isSettled(_ state: AppState) -> Bool {
    state.tasks.data.value != nil && state.runs.data.value != nil && state.metrics.data.value != nil
      && state.artifacts.data.value != nil && state.connection.roundTrip != nil
  }

  /// The same data fed to a dashboard by hand, stamped `seconds` after `t0` and drawn at
  /// `size`.
  func expectedFrame(width: Int, height: Int, seconds: Double = 0) -> [String] {
    var dashboard = DashboardDriver(width: width, height: height)
    dashboard.loadHealth(at: at(seconds))
    dashboard.loadTasks(sampleTasks, at: at(seconds))
    dashboard.loadRuns(sampleRuns, at: at(seconds))
    dashboard.loadMetrics(sampleMetrics, at: at(seconds))
    dashboard.loadArtifacts(sampleArtifacts, at: at(seconds))
    return dashboard.rows
  }

  @Test func theFirstFrameShowsTheStoresDataOnceItsResultsAreDrained() async {
    let loop = makeLoop()
    loop.start()
    let settled = await loop.turn { isSettled(loop.state) }
    #expect(settled)
    #expect(terminal.screen.rows == expectedFrame(width: 80, height: 24))
    await loop.stop()
  }

  @Test func qQuitsTheLoop() async {
    terminal.enqueue(keys: [.character("q")])
    let loop = makeLoop()
    var steps = 0
    await loop.run(shouldStop: {
      steps += 1
      return steps > 1_000
    })
    #expect(loop.state.isQuitting)
    #expect(steps < 1_000)
    // The first frame is owed at start, so the first read does not wait: q is taken at once.
    #expect(terminal.requestedTimeouts.first == 0)
  }

  @Test func aResizeLaysTheScreenOutAgainAtTheNewSize() async {
    let loop = makeLoop()
    loop.start()
    #expect(await loop.turn { isSettled(loop.state) })
    terminal.resize(to: Size(width: 120, height: 40))
    loop.step(timeoutMilliseconds: 0)
    #expect(terminal.screen.size == Size(width: 120, height: 40))
    #expect(loop.state.width == 120 && loop.state.height == 40)
    #expect(loop.state.layout == ScreenLayout.paneLayout(for: Size(width: 120, height: 40)), "the UI sends its layout")
    #expect(terminal.screen.rows == expectedFrame(width: 120, height: 40))

    terminal.resize(to: Size(width: 30, height: 8))
    loop.step(timeoutMilliseconds: 0)
    #expect(terminal.screen.rows == Scenes.main(30, 8).rows)
    await loop.stop()
  }

  @Test func anIdleStepWritesNothingAndAKeyThatChangesNothingDrawsNoFrame() async {
    let loop = makeLoop()
    loop.start()
    #expect(await loop.turn { isSettled(loop.state) })
    let presented = terminal.presentCount
    for _ in 0..<20 { loop.step(timeoutMilliseconds: 0) }
    #expect(terminal.cellsWritten.dropFirst(presented).allSatisfy { $0 == 0 })

    // `k` on the first row moves nothing, and an unbound key does nothing: no frame is drawn.
    terminal.enqueue(keys: [.character("k"), .character("%")])
    loop.step(timeoutMilliseconds: 0)
    #expect(terminal.presentCount == presented)

    // `j` moves the task selection: the two rows inside the tasks pane are written, no more.
    terminal.enqueue(keys: [.character("j")])
    loop.step(timeoutMilliseconds: 0)
    #expect(terminal.cellsWritten.last == 2 * 38)
    await loop.stop()
  }

  @Test func aSecondLaterThePollsAndTheTickRewriteOnlyWhatChanged() async {
    let loop = makeLoop()
    loop.start()
    #expect(await loop.turn { isSettled(loop.state) })
    let presented = terminal.presentCount
    clock.advance(by: .seconds(1))
    let expected = expectedFrame(width: 80, height: 24, seconds: 1)
    #expect(await loop.turn { terminal.screen.rows == expected })
    // Ages moved by a second; nothing close to a whole frame was sent.
    let written = terminal.cellsWritten.dropFirst(presented).reduce(0, +)
    #expect(written > 0 && written < 80 * 24 / 4)
    await loop.stop()
  }

  @Test func onATerminalTheRuntimeCanWakeTheLoopWaitsForInputUntilTheNextTick() async {
    let terminal = TestTerminal(size: Size(width: 80, height: 24), wakeable: true)
    let loop = DashboardLoop(
      terminal: terminal, reader: MemoryReader.sample(), target: "sqlite:demo.sqlite", theme: .monochrome, clock: clock)
    loop.start()
    // The first frame is owed: it is drawn before any wait, even with nothing read yet (a
    // server that does not answer must not hold the first screen until the tick).
    #expect(loop.inputWaitMilliseconds == 0)
    loop.step(timeoutMilliseconds: loop.inputWaitMilliseconds)
    #expect(terminal.screen.rows.joined().contains("taskdash"))
    #expect(await loop.turn { isSettled(loop.state) })
    #expect(loop.inputWaitMilliseconds == DashboardLoop.wakeableTimeoutMilliseconds)
    // Polled every second, the tick comes 1.1 s after the last one, behind the polls' answers.
    clock.advance(by: .milliseconds(600))
    #expect(loop.inputWaitMilliseconds == 500)
    clock.advance(by: .milliseconds(600))
    #expect(loop.inputWaitMilliseconds == 1)
    await loop.stop()
  }

  @Test func whileTheViewerWaitsForContentTheLoopWaitsForInputOnlyBriefly() async {
    // Content reads are held until the gate opens, so the viewer stays loading meanwhile.
    let gate = Gate()
    let reader = MemoryReader.sample { call in
      if call == .artifactContent { await gate.pass() }
    }
    let loop = DashboardLoop(
      terminal: terminal, reader: reader, target: "sqlite:demo.sqlite", theme: .monochrome, clock: clock)
    loop.start()
    #expect(await loop.turn { isSettled(loop.state) })
    #expect(loop.inputWaitMilliseconds == DashboardLoop.inputTimeoutMilliseconds)
    terminal.enqueue(keys: [.tab, .tab, .tab, .enter])
    #expect(await loop.turn { loop.state.viewer?.isLoading == true })
    #expect(loop.inputWaitMilliseconds == DashboardLoop.loadingTimeoutMilliseconds)
    await gate.open()
    #expect(await loop.turn { loop.state.viewer?.isLoading == false })
    #expect(loop.inputWaitMilliseconds == DashboardLoop.inputTimeoutMilliseconds)
    await loop.stop()
  }

  @Test func enterOnAnArtifactOpensTheViewerWithContentReadThroughTheRuntime() async {
    let loop = makeLoop()
    loop.start()
    #expect(await loop.turn { isSettled(loop.state) })
    terminal.enqueue(keys: [.tab, .tab, .tab, .enter])
    #expect(await loop.turn { terminal.screen.rows[3].hasPrefix("# Market analysis ") })
    #expect(terminal.screen.rows[1].hasPrefix(" Tasks › summary.md "))
    #expect(terminal.screen.rows[2].hasPrefix(" summary.md report · 139 B · markdown "))
    #expect(terminal.screen.rows[5].hasPrefix("Demand grew **12%** in the quarter. "))

    // Esc closes the viewer: the panes again, the artifacts pane focused.
    terminal.enqueue(keys: [.escape])
    var panes = DashboardDriver(width: 80, height: 24)
    panes.loadHealth()
    panes.loadTasks(sampleTasks)
    panes.loadRuns(sampleRuns)
    panes.loadMetrics(sampleMetrics)
    panes.loadArtifacts(sampleArtifacts)
    panes.press(.focusNext, .focusNext, .focusNext)
    #expect(await loop.turn { loop.state.viewer == nil })
    #expect(terminal.screen.rows == panes.rows)
    await loop.stop()
  }

  @Test func keysWaitingTogetherAreAppliedInOneTurnWithOneFrame() async {
    let loop = makeLoop()
    loop.start()
    #expect(await loop.turn { isSettled(loop.state) })
    let presented = terminal.presentCount
    // A paste: hundreds of keys at once, then `?`.
    terminal.enqueue(keys: Array(repeating: .character("x"), count: 400) + [.character("?")])
    loop.step(timeoutMilliseconds: 0)
    #expect(loop.state.inputMode == .help)
    #expect(terminal.presentCount == presented + 1)
    await loop.stop()
  }
}
