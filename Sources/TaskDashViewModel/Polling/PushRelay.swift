import Foundation
import TaskDashStore

/// Turns a reader's push signals into messages; changes that come in a burst become one.
///
/// A writer's work is often several statements in a few milliseconds (a run, its counters, its
/// first metrics), each announced on its own. The first change of a burst opens a window of
/// `window`; every table changed before it closes goes into the one `.changed` message sent
/// then, so the panes read once for the burst. `listening` and `lost` pass at once, after any
/// changes still waiting, so the schedule switch never overtakes the changes before it.
actor PushRelay {
  /// How long the first change of a burst waits for the rest.
  static let window: Duration = .milliseconds(5)

  private let clock: any PollClock
  private let output: AsyncStream<Message>.Continuation
  private var pending: Set<ChangedTable> = []
  /// Counts the windows opened, so a window's late end never closes a later one.
  private var burst = 0

  init(clock: any PollClock, output: AsyncStream<Message>.Continuation) {
    self.clock = clock
    self.output = output
  }

  /// Takes one signal from the reader.
  func receive(_ signal: PushSignal) {
    switch signal {
    case .changed(let tables):
      let opensWindow = pending.isEmpty
      pending.formUnion(tables)
      guard opensWindow, !tables.isEmpty else { return }
      burst += 1
      let (current, deadline, clock) = (burst, clock.now.adding(Self.window), clock)
      Task {
        try? await clock.sleep(until: deadline)
        self.close(burst: current)
      }
    case .listening, .lost:
      sendPending()
      output.yield(.push(signal, at: clock.now))
    }
  }

  private func close(burst closing: Int) {
    guard closing == burst else { return }
    sendPending()
  }

  private func sendPending() {
    guard !pending.isEmpty else { return }
    output.yield(.push(.changed(pending), at: clock.now))
    pending = []
    // A window still open ends with nothing to send.
    burst += 1
  }
}
