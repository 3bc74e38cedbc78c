import Foundation
import Synchronization
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// The view-model run once for `snapshot`: what it reads, and what it leaves on screen.
@Suite struct ReadOnceTests {
  /// The calls a reader received, in order.
  final class CallLog: Sendable {
    let calls = Mutex<[ReaderCall]>([])
    var list: [ReaderCall] { calls.withLock { $0 } }
  }

  static func reader(_ log: CallLog, failing: ReaderCall? = nil) -> MemoryReader {
    MemoryReader(
      tasks: [taskRow(1, "market-analysis")], runs: [runRow(2), runRow(1)], metrics: [series("tokens")],
      artifacts: [artifactRow(1)]
    ) { call in
      log.calls.withLock { $0.append(call) }
      if call == failing { throw StoreError.timedOut("5 s") }
    }
  }

  static let layout = gridLayout(120, 40)

  @Test func thePanesAreReadOnceEachAndTheDetailsFollowTheSelectedRun() async throws {
    let log = CallLog()
    var state = AppState(now: t0)
    try await ReadOnce.run(&state, layout: Self.layout, reader: Self.reader(log), now: t0)

    #expect(state.tasks.rows.map(\.id) == [id(1)])
    #expect(state.runs.rows.map(\.id) == [id(1_002), id(1_001)])
    #expect(state.runs.selectedRow?.id == id(1_002), "the newest run is selected, as on screen")
    #expect(state.requests[.metrics]?.slot == .metrics)
    if case .metrics(let query)? = state.requests[.metrics] { #expect(query.scope == .run(id(1_002))) }
    if case .artifacts(let query)? = state.requests[.artifacts] { #expect(query.scope == .run(id(1_002))) }
    #expect(state.metrics.rows.map(\.name) == ["tokens"])
    #expect(state.artifacts.rows.count == 1)
    // In the order update asks: before the runs answer, the artifacts pane shows every run's
    // artifacts; the selected run then gets its metrics and artifacts. Nothing is read twice.
    #expect(log.list == [.tasks, .runs, .artifacts, .health, .metrics, .artifacts])
  }

  @Test func aPageOnTopIsReadInsteadOfThePanes() async throws {
    let log = CallLog()
    var state = AppState(now: t0)
    state.showPage(.run(id(1_002)))
    try await ReadOnce.run(&state, layout: Self.layout, reader: Self.reader(log), now: t0)
    #expect(Set(log.list) == [.runPage, .health], "the screens under the page read nothing")
    #expect(state.page?.data.value == .missing, "the reader has no such page")
  }

  @Test func aFailedReadThrowsInsteadOfLeavingAStaleScreen() async {
    var state = AppState(now: t0)
    await #expect(throws: StoreError.self) {
      try await ReadOnce.run(&state, layout: Self.layout, reader: Self.reader(CallLog(), failing: .runs), now: t0)
    }
  }
}
