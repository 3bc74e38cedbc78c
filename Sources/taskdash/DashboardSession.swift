import ArgumentParser
import Foundation
import TaskDashStore
import TaskDashUI
import TaskDashViewModel
import TerminalCurses
import TerminalUI

/// Opens the terminal and runs the dashboard over a reader until the operator quits.
enum DashboardSession {
  /// Runs the dashboard in `theme` (monochrome on a terminal without colour); throws `ExitCode`
  /// with 128+n when a signal ended it. `push` carries the reader's push signals (see
  /// `Backends.dashboardReader`).
  @MainActor
  static func run(
    reader: any DashboardReading, target: DatabaseTarget, interval: Duration, alerts: Bool, theme: Theme,
    push: PushChannel
  ) async throws {
    let environment = ProcessInfo.processInfo.environment
    let terminal: NCursesTerminal
    do {
      terminal = try NCursesTerminal(environment: environment)
    } catch {
      ErrorLine.write("cannot start the dashboard: \(error); try: taskdash snapshot")
      throw ExitCode.failure
    }
    let loop = DashboardLoop(
      terminal: terminal, reader: reader, target: target.description,
      theme: terminal.colorsEnabled ? theme : .monochrome,
      settings: AppSettings(initialInterval: interval, alerts: alerts), push: push.signals)
    await loop.run(shouldStop: { terminal.terminationSignal != nil })
    terminal.restore()
    if let signal = terminal.terminationSignal {
      throw ExitCode(signal.exitStatus)
    }
  }
}
