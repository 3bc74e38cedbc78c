import Foundation
import Synchronization
import TaskDashDemo
import TaskDashStore
import TaskDashViewModel

/// Shows a seed's progress on stderr: one line redrawn in place on a terminal, plain lines
/// every few seconds otherwise (logs and pipes get no carriage returns).
final class ProgressBar: SeedProgressReporting {
  private struct State {
    var lastDraw: Double = -.infinity
    var drewLine = false
  }

  private let isTerminal: Bool
  private let interval: Double
  private let clock: @Sendable () -> Double
  private let state: Mutex<State>

  /// A bar on stderr; `isTerminal` chooses redrawing over plain lines.
  init(
    isTerminal: Bool = isatty(STDERR_FILENO) == 1, clock: @escaping @Sendable () -> Double = Seeder.monotonicSeconds
  ) {
    self.isTerminal = isTerminal
    interval = isTerminal ? 0.1 : 5
    self.clock = clock
    // Plain lines start after one interval: a rate measured over the first batch means little.
    state = Mutex(State(lastDraw: isTerminal ? -.infinity : clock()))
  }

  func report(_ progress: SeedProgress) throws {
    let now = clock()
    let done = progress.rowsWritten >= progress.totalRows
    let line: String? = state.withLock { state in
      guard done || now - state.lastDraw >= interval else { return nil }
      state.lastDraw = now
      state.drewLine = true
      return isTerminal ? Self.bar(progress) : Self.plain(progress)
    }
    if let line { FileHandle.standardError.write(Data(line.utf8)) }
  }

  /// Ends the redrawn line so that later output starts on a line of its own.
  func finish() {
    let needsNewline = state.withLock { $0.drewLine && isTerminal }
    if needsNewline { FileHandle.standardError.write(Data("\n".utf8)) }
  }

  private static func bar(_ progress: SeedProgress) -> String {
    let width = 24
    let filled = Int(progress.fraction * Double(width))
    let eta = progress.remainingSeconds.map { "ETA " + DisplayFormat.duration(seconds: $0) } ?? "ETA ?"
    return "\r\u{1B}[K[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
      + DisplayFormat.decimal(progress.fraction * 100, 0) + "% " + DisplayFormat.grouped(progress.rowsWritten) + "/"
      + DisplayFormat.grouped(progress.totalRows) + " rows, " + DisplayFormat.grouped(Int(progress.rowsPerSecond))
      + " rows/s, " + eta + " (" + progress.table + ")"
  }

  private static func plain(_ progress: SeedProgress) -> String {
    let eta = progress.remainingSeconds.map { ", ETA " + DisplayFormat.duration(seconds: $0) } ?? ""
    return "seed: " + DisplayFormat.decimal(progress.fraction * 100, 0) + "% "
      + DisplayFormat.grouped(progress.rowsWritten)
      + "/" + DisplayFormat.grouped(progress.totalRows) + " rows, " + DisplayFormat.grouped(Int(progress.rowsPerSecond))
      + " rows/s" + eta + " (" + progress.table + ")\n"
  }
}
