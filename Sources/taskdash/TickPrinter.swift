import Foundation
import Synchronization
import TaskDashDemo
import TaskDashModel
import TaskDashStore

/// Prints the simulator's ticks on stdout: on a terminal one line per event under a status
/// line redrawn in place; otherwise one plain line per tick that had events.
final class TickPrinter: Sendable {
  private let isTerminal: Bool
  private let statusShown = Mutex(false)

  init(isTerminal: Bool) {
    self.isTerminal = isTerminal
  }

  func print(_ tick: SimulationTick) {
    var output = ""
    let time = Self.clockText(tick.at)
    if isTerminal {
      output += "\r\u{1B}[K"
      for event in tick.events {
        output +=
          "\(time)  \(Self.verb(event.status).padding(toLength: 9, withPad: " ", startingAt: 0)) "
          + "\(event.taskName) #\(event.runNumber)" + (event.detail.map { ": " + $0 } ?? "") + "\n"
      }
      output +=
        "tick \(tick.number) · \(tick.activeRuns) active · \(tick.metrics) metric points · \(tick.artifacts) artifacts"
        + " · Ctrl-C stops"
      statusShown.withLock { $0 = true }
    } else {
      guard !tick.events.isEmpty else { return }
      let counts = [RunStatus.pending, .running, .completed, .failed, .timeout].map { status in
        "\(Self.verb(status)) \(tick.count(status))"
      }
      let finished = tick.events.filter { $0.status.isFinished }.map {
        "\($0.taskName) #\($0.runNumber) \($0.status.rawValue)"
      }
      output +=
        "\(time) tick \(tick.number): " + counts.joined(separator: ", ")
        + "; \(tick.metrics) metrics, \(tick.artifacts) artifacts, \(tick.activeRuns) active"
        + (finished.isEmpty ? "" : " [" + finished.joined(separator: "; ") + "]") + "\n"
    }
    FileHandle.standardOutput.write(Data(output.utf8))
  }

  /// Ends the redrawn status line.
  func finish() {
    if statusShown.withLock({ $0 }) { FileHandle.standardOutput.write(Data("\n".utf8)) }
  }

  private static func verb(_ status: RunStatus) -> String {
    switch status {
    case .pending: "queued"
    case .running: "started"
    case .completed: "completed"
    case .failed: "failed"
    case .timeout: "timed out"
    case .cancelled: "cancelled"
    }
  }

  /// `14:05:09` in UTC.
  private static func clockText(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down)) % 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
  }
}
