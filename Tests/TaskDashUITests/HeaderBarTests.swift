import Foundation
import TaskDashStore
import TaskDashViewModel
import TerminalUI
import Testing

@testable import TaskDashUI

@Suite struct HeaderBarTests {
  private let now = Date(timeIntervalSince1970: 1_800_000_000)

  private func screen(_ status: ConnectionStatus, width: Int) -> [String] {
    var state = AppState(now: now)
    _ = update(&state, .layout(ScreenLayout.paneLayout(for: Size(width: width, height: 30))))
    _ = update(&state, .connection(status, at: now))
    return DashboardScreen.render(
      state, target: "postgresql://ops:****@db/tasks", theme: .monochrome, size: Size(width: width, height: 30)
    ).rows
  }

  @Test func aLongConnectionErrorIsCutSoTheAttemptAndTheRetryTimeStayWhole() {
    let message =
      "connection to server on socket \"/var/run/postgresql/a/rather/long/path/.s.PGSQL.5432\" failed: No such file or directory"
    let failure = LoadFailure(
      error: .connection(message), attempt: 3, at: now, retryAt: now.addingTimeInterval(4))

    let banner = screen(.reconnecting(failure), width: 120)[1]

    #expect(banner.contains("⚠ cannot connect: connection to server on socket"))
    #expect(banner.contains("…"))
    #expect(banner.hasSuffix("attempt 3 · retry in 4s · r retries now "))
  }

  @Test func aShortErrorIsShownWholeBesideTheAdvice() {
    let failure = LoadFailure(error: .timedOut("no answer in 10 s"), attempt: 1, at: now, retryAt: nil)

    let banner = screen(.reconnecting(failure), width: 120)[1]

    #expect(banner.contains("no answer in 10 s"))
    #expect(!banner.contains("…"))
    #expect(banner.hasSuffix("attempt 1 · r retries now "))
  }
}
