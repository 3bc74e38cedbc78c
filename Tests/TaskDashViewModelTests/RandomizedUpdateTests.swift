import Foundation
import SeededRandom
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// Drives `update` with long runs of random messages and checks its invariants after each.
@Suite struct RandomizedUpdateTests {
  static let viewerConfig = ViewerConfig(
    windowSize: 256, chunkSize: 16, cacheWindows: 4, wholeDocumentLimit: 300, scanSize: 1024)

  /// Artifacts with content: small JSON (read whole), text and a single long line (windowed),
  /// and binary.
  static let contents: [(ArtifactRow, [UInt8])] = {
    let json = Array(#"{"a":[1,2,{"b":"c"}],"d":"é"}"#.utf8)
    let text = Array((0..<300).map { "line \($0) " + String(repeating: "é", count: $0 % 40) + "\n" }.joined().utf8)
    let long = [UInt8](repeating: UInt8(ascii: "z"), count: 5_000)
    let binary = (0..<2_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
    return [
      (artifactRow(1, name: "result.json", type: .data, length: Int64(json.count)), json),
      (artifactRow(2, name: "run.log", type: .log, length: Int64(text.count)), text),
      (artifactRow(3, name: "one-line.txt", type: .other, length: Int64(long.count)), long),
      (artifactRow(4, name: "blob.bin", type: .other, length: Int64(binary.count)), binary),
      (artifactRow(5, name: "empty.md", length: nil), []),
    ]
  }()

  static let taskPool = (1...25).map { taskRow($0, ["alpha", "beta", "gamma", "delta"][$0 % 4] + "-\($0)") }
  static let runPool = (1...40).map {
    runRow(
      $0, task: $0 % 25 + 1, taskName: "task-\($0 % 25 + 1)", status: RunStatus.allCases[$0 % 6], duration: Double($0))
  }
  static let seriesPool = ["cpu", "tokens", "latency", "cost", "memory"].map { series($0) }

  static let actions: [Action] = [
    .moveUp, .moveDown, .pageUp, .pageDown, .home, .end, .focusNext, .focusPrevious, .drillIn, .back,
    .beginFilter, .beginSearch, .insertText("a"), .insertText("e"), .insertText("\u{1b}[2J"), .insertText("é😀"),
    .insertText("failed"), .deleteBackward, .commitPrompt, .cancelPrompt, .cycleSort, .togglePause, .refreshNow,
    .faster, .slower, .toggleHelp, .quit, .nextMatch, .previousMatch, .toggleWrap, .openPage, .previousItem, .nextItem,
    .openTriage, .cycleWindow, .toggleAlerts, .cursorLeft, .cursorRight, .toggleLogScale, .zoomIn, .zoomOut, .resetZoom,
    .toggleOverlay,
    .compare, .toggleMark,
  ]

  /// A million messages in all: four sessions of 250,000 with their own seeds, side by side.
  @Test(arguments: [0x7A5C_DA5B, 0x7A5C_DA5C, 0x7A5C_DA5D, 0x7A5C_DA5E] as [UInt64])
  func aMillionRandomMessagesKeepEverythingInBounds(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var state = Self.started()
    var pending: [ContentRequest] = []
    var now = t0
    for step in 0..<250_000 {
      now = now.addingTimeInterval(Double.random(in: 0..<0.5, using: &random))
      let message = randomMessage(&random, state: state, pending: &pending, now: now)
      let effects = update(&state, message)
      pending += contentRequests(effects)
      check(state, step: step)
      if state.isQuitting {
        state = Self.started()
        pending = []
      }
    }
  }

  // MARK: - Messages

  static func started() -> AppState {
    var state = AppState(settings: AppSettings(viewer: viewerConfig), now: t0)
    _ = update(&state, .layout(gridLayout(100, 40)))
    _ = update(&state, .start(at: t0))
    return state
  }

  func randomMessage(
    _ random: inout SplitMix64, state: AppState, pending: inout [ContentRequest], now: Date
  ) -> Message {
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<45:
      // Quitting restarts the run, so it stays rare.
      let action = Self.actions.randomElement(using: &random)!
      return .action(action == .quit && Int.random(in: 0..<50, using: &random) > 0 ? .moveDown : action)
    case 45..<48:
      return .layout(gridLayout(Int.random(in: 0...300, using: &random), Int.random(in: 0...120, using: &random)))
    case 48..<50:
      var rows: [PaneID: Int] = [:]
      for pane in PaneID.allCases { rows[pane] = Int.random(in: -3...40, using: &random) }
      return .layout(
        PaneLayout(
          width: Int.random(in: -2...300, using: &random), height: Int.random(in: -2...120, using: &random),
          paneRows: rows, viewerRows: Int.random(in: -2...80, using: &random),
          viewerColumns: Int.random(in: -2...200, using: &random)))
    case 50..<53:
      return .tick(now)
    case 53..<78:
      return loaded(&random, state: state, now: now)
    case 78..<83:
      let slot = PollSlot.allCases.randomElement(using: &random)!
      guard let request = state.requests[slot] else { return .tick(now) }
      if Bool.random(using: &random) { return .unchanged(request, at: now) }
      let errors: [StoreError] = [
        .connection("refused"), .timedOut("10 s"), .authentication("bad password"),
        .query(sqlState: "42P01", message: "no table"), .query(sqlState: "57P01", message: "shutdown"), .closed,
      ]
      let failure = LoadFailure(
        error: errors.randomElement(using: &random)!, attempt: Int.random(in: 1...9, using: &random), at: now,
        retryAt: now.addingTimeInterval(2))
      return .failed(request, failure)
    case 83..<85:
      let refused = LoadFailure(error: .authentication("bad password"), attempt: 1, at: now, retryAt: nil)
      let statuses: [ConnectionStatus] = [.connecting, .connected, .failed(refused)]
      return .connection(statuses.randomElement(using: &random)!, at: now)
    case 85..<97:
      guard !pending.isEmpty else { return .tick(now) }
      let request = pending.remove(at: Int.random(in: 0..<pending.count, using: &random))
      let content = Self.contents.first { ContentSource.artifact($0.0.id) == request.source }?.1 ?? []
      switch Int.random(in: 0..<20, using: &random) {
      case 0: return .contentFailed(request, .connection("reset"))
      case 1: return .contentLoaded(request, Array(slice(content, request).prefix(request.length / 2)))
      default: return .contentLoaded(request, slice(content, request))
      }
    default:
      guard var row = state.viewer?.artifact else { return .tick(now) }
      switch Int.random(in: 0..<6, using: &random) {
      case 0: return .artifactLoaded(row.id, nil, at: now)
      case 1: return .artifactFailed(row.id, .timedOut("5 s"))
      case 2: row.contentLength = Int64.random(in: 0...6_000, using: &random)
      default: break
      }
      return .artifactLoaded(row.id, row, at: now)
    }
  }

  func loaded(_ random: inout SplitMix64, state: AppState, now: Date) -> Message {
    func subset<Row>(_ pool: [Row]) -> [Row] {
      pool.filter { _ in Int.random(in: 0..<3, using: &random) > 0 }
    }
    let slot = PollSlot.allCases.randomElement(using: &random)!
    // One in ten answers a query that is no longer current.
    let stale = Int.random(in: 0..<10, using: &random) == 0
    switch (slot, state.requests[slot]) {
    case (.tasks, .tasks(let query)?):
      return .loaded(.tasks(stale ? TaskQuery(limit: 1) : query, subset(Self.taskPool)), at: now)
    case (.runs, .runs(let query)?):
      return .loaded(.runs(stale ? RunQuery(status: .pending) : query, subset(Self.runPool)), at: now)
    case (.metrics, .metrics(let query)?):
      return .loaded(.metrics(query, subset(Self.seriesPool)), at: now)
    case (.artifacts, .artifacts(let query)?):
      return .loaded(.artifacts(query, subset(Self.contents.map(\.0))), at: now)
    case (.page, let request?):
      let run = Self.runPool.randomElement(using: &random)!
      let document = DocumentHead(
        text: #"{"a":[1,2,{"b":"\u{1b}[2J"}]}"#, byteCount: Int64.random(in: 0...99, using: &random))
      let page = RunPage(
        run: run, updatedAt: now, errorMessage: document, errorDetails: nil, plan: document, results: document,
        metrics: subset(Self.seriesPool), artifacts: subset(Self.contents.map(\.0)),
        previousRunID: Self.runPool.randomElement(using: &random)?.id, nextRunID: nil)
      return .loaded(.page(request, Int.random(in: 0..<5, using: &random) == 0 ? .missing : .run(page)), at: now)
    case (.health, _):
      return .loaded(.health(Health(roundTrip: .microseconds(50), serverVersion: "x", schemaVersion: 1)), at: now)
    case (.compare, .comparison(let query)?):
      var sides: [ComparedRun] = []
      for _ in 0..<2 {
        let page = RunPage(
          run: Self.runPool.randomElement(using: &random)!, updatedAt: now, errorMessage: nil, errorDetails: nil,
          plan: nil, results: DocumentHead(text: "{}", byteCount: Int64.random(in: 0...99, using: &random)),
          metrics: [], artifacts: subset(Self.contents.map(\.0)), previousRunID: nil, nextRunID: nil)
        sides.append(ComparedRun(page: page, metrics: []))
      }
      let content: ComparisonContent =
        Int.random(in: 0..<5, using: &random) == 0 ? .missing : .compared(old: sides[0], new: sides[1])
      return .loaded(.comparison(query, content), at: now)
    default:
      return .tick(now)
    }
  }

  // MARK: - Invariants

  func check(_ state: AppState, step: Int) {
    checkPane(state.tasks, height: state.layout.rows(for: .tasks), step: step)
    checkPane(state.runs, height: state.layout.rows(for: .runs), step: step)
    checkPane(state.metrics, height: state.layout.rows(for: .metrics), step: step)
    checkPane(state.artifacts, height: state.layout.rows(for: .artifacts), step: step)
    let steps = state.settings.intervalSteps
    #expect(steps.first! <= state.interval && state.interval <= steps.last!, "step \(step)")
    #expect((state.prompt?.text.count ?? 0) <= Prompt.maxLength, "step \(step)")
    #expect(state.stack.dropLast().allSatisfy { $0 != .help }, "help is only ever on top, step \(step)")
    #expect(state.polled.isSubset(of: state.slotsInView), "step \(step)")
    if let page = state.page, let lines = page.lines(at: state.now) {
      #expect(page.top >= 0 && page.top <= max(0, lines.count - 1), "step \(step)")
    }
    guard let viewer = state.viewer else { return }
    #expect(0 <= viewer.top && viewer.top <= viewer.contentLength, "step \(step)")
    #expect(viewer.cache.windows.count <= viewer.cache.capacity, "step \(step)")
    #expect(viewer.requested.count <= max(1, Int(viewer.cache.windowCount)), "step \(step)")
    #expect((viewer.scanCache?.windows.count ?? 0) <= 2, "step \(step)")
    #expect(viewer.searchProgress.map { 0...1 ~= $0 } ?? true, "step \(step)")
    let rows = max(0, state.layout.viewerRows)
    let lines = viewer.lines(rows: rows, columns: state.layout.viewerColumns)
    #expect(lines.count <= rows, "step \(step)")
    let longest = viewer.kind == .binary ? 16 : 2 * Self.viewerConfig.chunkSize
    #expect(lines.allSatisfy { $0.bytes.count <= longest }, "step \(step)")
  }

  func checkPane<Row>(_ pane: PaneState<Row>, height: Int, step: Int) {
    let height = max(1, height)
    guard let index = pane.selectedIndex else {
      #expect(pane.rows.isEmpty, "step \(step)")
      return
    }
    #expect(pane.rows.indices.contains(index), "step \(step)")
    #expect(pane.rows[index].id == pane.selectedID, "step \(step)")
    #expect(pane.scrollOffset >= 0 && pane.scrollOffset <= max(0, pane.rows.count - height), "step \(step)")
    #expect(pane.scrollOffset <= index && index < pane.scrollOffset + height, "step \(step)")
  }
}
