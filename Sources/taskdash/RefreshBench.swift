import Foundation
import TaskDashStore
import TaskDashUI
import TaskDashViewModel
import TerminalUI

/// Times full dashboard refresh cycles in process: every poll of the screen in view (the four
/// panes, or a run's page), `update`, and a render into a buffer, with no terminal.
///
/// The bench plays the runtime's part itself: it reads exactly the requests the state asks
/// for, turns results into the messages the pollers would send (`.unchanged` when a value
/// equals the last one), and ignores the effects. Reads run one after another, so a cycle is
/// an upper bound on the dashboard's, whose pollers overlap on two connections.
struct RefreshBench {
  /// The screen size every frame is rendered at.
  static let size = Size(width: 120, height: 40)

  let reader: any DashboardReading
  let target: String
  /// The page on screen instead of the panes, if any.
  var page: PageSubject?
  var theme = Theme.standard

  /// Runs `warmup` untimed cycles (until every pane has its data), then `cycles` timed ones;
  /// returns the report.
  func run(cycles: Int, warmup: Int) async throws -> String {
    var state = AppState(now: Date())
    if let page { state.showPage(page) }
    _ = update(&state, .layout(ScreenLayout.paneLayout(for: Self.size)))
    _ = update(&state, .start(at: Date()))
    var lastValues: [PollSlot: PollValue] = [:]
    var previousFrame = DashboardScreen.render(state, target: target, theme: theme, size: Self.size)
    var cycleTimes: [Duration] = []
    var readTimes: [PollSlot: [Duration]] = [:]
    var updateTimes: [Duration] = []
    var renderTimes: [Duration] = []
    var changedCells: [Int] = []
    let clock = ContinuousClock()

    for index in 0..<(warmup + cycles) {
      let isTimed = index >= warmup
      let start = clock.now
      var messages: [Message] = []
      for slot in PollSlot.allCases where state.polled.contains(slot) {
        guard let request = state.requests[slot] else { continue }
        let readStart = clock.now
        let value = try await request.read(from: reader)
        if isTimed { readTimes[slot, default: []].append(clock.now - readStart) }
        if lastValues[slot] == value {
          messages.append(.unchanged(request, at: Date()))
        } else {
          lastValues[slot] = value
          messages.append(.loaded(value, at: Date()))
        }
      }
      messages.append(.tick(Date()))
      let updateStart = clock.now
      for message in messages {
        // The loop compares states to decide whether to draw; that comparison is part of its cost.
        let before = state
        _ = update(&state, message)
        blackHole(state != before)
      }
      let renderStart = clock.now
      let frame = DashboardScreen.render(state, target: target, theme: theme, size: Self.size)
      let end = clock.now
      if isTimed {
        cycleTimes.append(end - start)
        updateTimes.append(renderStart - updateStart)
        renderTimes.append(end - renderStart)
        changedCells.append(frame.diff(from: previousFrame).reduce(0) { $0 + $1.cells.count })
      }
      previousFrame = frame
    }
    return report(
      state: state, cycles: cycles, warmup: warmup, cycleTimes: cycleTimes, readTimes: readTimes,
      updateTimes: updateTimes, renderTimes: renderTimes, changedCells: changedCells)
  }

  // MARK: - Report

  private func report(
    state: AppState, cycles: Int, warmup: Int, cycleTimes: [Duration], readTimes: [PollSlot: [Duration]],
    updateTimes: [Duration], renderTimes: [Duration], changedCells: [Int]
  ) -> String {
    let shown =
      if let page = state.page {
        "shown: the page of \(page.title), \(page.lines(at: state.now)?.count ?? 0) lines"
      } else {
        "shown: \(state.tasks.rows.count) tasks, \(state.runs.rows.count) runs, "
          + "\(state.metrics.rows.count) metric series (\(state.metrics.rows.reduce(0) { $0 + $1.points.count }) points), "
          + "\(state.artifacts.rows.count) artifacts"
      }
    var lines = [
      "refresh cycle at \(Self.size.width)×\(Self.size.height): \(cycles) timed cycles after \(warmup) warm-up cycles"
        + " (reads one after another)",
      shown,
      "(ms)".padding(toLength: 20, withPad: " ", startingAt: 0)
        + ["median", "p95", "min", "max"].map { LatencySummary.padded($0, 10) }.joined(),
    ]
    func row(_ label: String, _ durations: [Duration]) {
      guard let summary = LatencySummary(durations) else { return }
      lines.append(label.padding(toLength: 20, withPad: " ", startingAt: 0) + summary.columns)
    }
    row("full cycle", cycleTimes)
    for slot in PollSlot.allCases {
      row("  read " + slot.rawValue, readTimes[slot] ?? [])
    }
    row("  update", updateTimes)
    row("  render", renderTimes)
    let sortedCells = changedCells.sorted()
    if let most = sortedCells.last {
      lines.append(
        "cells changed between consecutive frames: median \(sortedCells[sortedCells.count / 2]), max \(most)")
    }
    return lines.joined(separator: "\n")
  }
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never)
private func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}
