import Foundation
import TaskDashTestSupport
import TaskDashUI
import TaskDashViewModel
import TerminalUI
import Testing

/// Alerts through the real run loop: a run that fails while alerts are on rings the terminal
/// once, with sanitized text, and the header says alerts are on.
@MainActor @Suite struct AlertLoopTests {
  let terminal = TestTerminal(size: Size(width: 100, height: 30))
  let clock = ManualClock(start: t0)

  @Test func aRunThatFailsWhileAlertsAreOnRingsOnceWithSanitizedText() async {
    let reader = MemoryReader(
      tasks: [taskRow(1, "market-analysis")], runs: [runRow(1, status: .running, started: t0)])
    let loop = DashboardLoop(
      terminal: terminal, reader: reader, target: "sqlite:demo.sqlite", theme: .monochrome,
      settings: AppSettings(alerts: true), clock: clock)
    loop.start()
    #expect(await loop.turn { loop.state.alerts.hasBaseline })
    #expect(terminal.screen.rows[0].contains("live every 1s · alerts"))

    let failed = runRow(
      1, status: .failed, started: t0, duration: 30, error: "s3_read: \u{1B}]0;owned\u{7} AccessDenied\nretry")
    await reader.set(runs: [failed])
    clock.advance(by: .seconds(1))
    #expect(await loop.turn { !terminal.notifications.isEmpty })
    #expect(
      terminal.notifications == [#"taskdash: market-analysis #1 failed: s3_read: \x1b]0;owned\x07 AccessDenied\nretry"#]
    )

    // Later polls find the same failure: it does not ring again.
    for _ in 0..<3 {
      clock.advance(by: .seconds(1))
      await loop.turns(50)
    }
    #expect(terminal.notifications.count == 1)
    await loop.stop()
  }
}
