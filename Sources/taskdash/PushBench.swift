import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashUI
import TaskDashViewModel
import TerminalUI

/// Times insert-to-state latency by push: from the start of a transaction that inserts one run
/// to the moment the dashboard's state has it in the runs pane.
///
/// The real runtime runs (pollers at a 10 s interval, the reader's listening session, the relay
/// that coalesces a burst) and the bench plays the loop: it applies every message to the state
/// as the loop would. Drawing is left out (a frame costs about a millisecond; the terminal's
/// wake-up ends the loop's wait at once). Runs are inserted one at a time, each after the
/// previous one arrived, so every figure is one notification's trip.
struct PushBench {
  let reader: any DashboardReading
  let writer: any DashboardWriting
  let push: PushChannel

  func run(inserts: Int) async throws -> String {
    let interval = Duration.seconds(10)
    var state = AppState(settings: AppSettings(initialInterval: interval), now: Date())
    let runtime = Runtime(reader: reader, interval: interval, push: push.signals)
    var messages = runtime.messages.makeAsyncIterator()
    func apply(_ message: Message) {
      runtime.execute(update(&state, message))
    }
    apply(.layout(ScreenLayout.paneLayout(for: RefreshBench.size)))
    apply(.start(at: Date()))

    let task = TaskDashModel.Task(name: "bench-push \(UUID().uuidString.prefix(8))")
    try await writer.transaction { try await $0.insert(tasks: [task]) }
    while !state.isPushed || state.runs.data.value == nil {
      guard let message = await messages.next() else { throw StoreError.closed }
      apply(message)
    }

    let clock = ContinuousClock()
    var latencies: [Duration] = []
    for _ in 0..<inserts {
      let run = TaskRun(taskID: task.id, status: .known(.running), startedAt: Date())
      let start = clock.now
      try await writer.transaction { try await $0.insert(runs: [run]) }
      while !state.runs.rows.contains(where: { $0.id == run.id }) {
        guard let message = await messages.next() else { throw StoreError.closed }
        apply(message)
      }
      latencies.append(clock.now - start)
    }
    runtime.execute([.quit])
    await runtime.shutdown()
    guard let summary = LatencySummary(latencies) else { return "no inserts" }
    return """
      insert-to-state by push, \(inserts) inserts, ms:
              p50       p95       min       max
      \(summary.columns)
      """
  }
}
