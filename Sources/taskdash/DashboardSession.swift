import ArgumentParser
import Foundation
import TaskDashStore
import TaskDashUI
import TaskDashViewModel
import TerminalCurses
import TerminalUI

/// Opens the terminal and runs the dashboard over a reader until the operator quits.
enum DashboardSession {
  /// Runs the dashboard over `source` (drawn in monochrome on a terminal without colour), with
  /// mouse reporting when `mouse`; throws `ExitCode` with 128+n when a signal ended it.
  /// `openEnvironment` opens another environment of the config file for `e`. The reader in use
  /// at the end is closed.
  @MainActor
  static func run(
    _ source: DashboardSource, mouse: Bool,
    openEnvironment: (@Sendable (String) async throws -> DashboardSource)? = nil
  ) async throws {
    let environment = ProcessInfo.processInfo.environment
    let terminal: NCursesTerminal
    do {
      terminal = try NCursesTerminal(environment: environment, mouse: mouse)
    } catch {
      ErrorLine.write("cannot start the dashboard: \(error); try: taskdash snapshot")
      throw ExitCode.failure
    }
    let colors = terminal.colorsEnabled
    var reopen: (@Sendable (String) async throws -> DashboardSource)?
    if let openEnvironment {
      reopen = { name in
        var opened = try await openEnvironment(name)
        if !colors { opened.theme = .monochrome }
        return opened
      }
    }
    let theme: Theme = colors ? source.theme : .monochrome
    let loop = DashboardLoop(
      terminal: terminal, reader: source.reader, target: source.target, theme: theme, settings: source.settings,
      push: source.push, openEnvironment: reopen)
    await loop.run(shouldStop: { terminal.terminationSignal != nil })
    terminal.restore()
    await loop.reader.close()
    if let signal = terminal.terminationSignal {
      throw ExitCode(signal.exitStatus)
    }
  }
}
