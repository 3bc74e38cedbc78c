import Foundation
import SeededRandom
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import TaskDashViewModel
import TerminalUI

import TaskDashUI

/// Random but reproducible traffic for the dashboard: keys, actions, resizes, ticks, and
/// answers (good, failed, stale and odd) to whatever the state asked for.
struct Fuzzer {
  var random: SplitMix64
  var state: AppState
  /// Reads the state asked for and nothing has answered yet (newest last).
  var pending: [Effect] = []
  /// Requests that were asked for once; answering them late must change nothing.
  var seen: [PollRequest] = []
  var now = t0

  static let settings = AppSettings(
    viewer: ViewerConfig(windowSize: 64, chunkSize: 16, cacheWindows: 3, wholeDocumentLimit: 200))

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
    state = AppState(settings: Self.settings, now: t0)
    _ = update(&state, .layout(ScreenLayout.paneLayout(for: Size(width: 80, height: 24))))
    pending = update(&state, .start(at: t0))
  }

  // MARK: - Steps

  /// The next message, and the effects `update` returned for it kept for later answers.
  mutating func step() -> Message {
    if state.isQuitting {
      state = AppState(settings: Self.settings, now: now)
      pending = []
      _ = update(
        &state,
        .layout(ScreenLayout.paneLayout(for: Size(width: random.int(in: 0...130), height: random.int(in: 0...45)))))
      pending = update(&state, .start(at: now))
    }
    let message = nextMessage()
    pending += update(&state, message)
    for case .startPoll(let request) in pending.suffix(8) where !seen.contains(request) {
      seen.append(request)
    }
    if pending.count > 64 { pending.removeFirst(pending.count - 64) }
    if seen.count > 200 { seen.removeFirst(seen.count - 200) }
    return message
  }

  private mutating func nextMessage() -> Message {
    switch random.int(in: 0...99) {
    case 0..<25: return key()
    case 25..<40: return .action(action())
    case 40..<45: return resize()
    case 45..<52:
      now = now.addingTimeInterval(random.pick([0, 0.3, 1, 2.5, 61, 3_700]))
      return .tick(now)
    case 52..<88: return answer() ?? .tick(now)
    case 88..<93: return lateAnswer() ?? .tick(now)
    case 93..<96: return .connection(connectionStatus(), at: now)
    default:
      let rows = { (random: inout SplitMix64) in random.int(in: -2...40) }
      return .layout(
        PaneLayout(
          width: random.int(in: -3...140), height: random.int(in: -3...45),
          paneRows: [.tasks: rows(&random), .runs: rows(&random), .metrics: rows(&random), .artifacts: rows(&random)],
          viewerRows: rows(&random), viewerColumns: random.int(in: -1...200)))
    }
  }

  private mutating func key() -> Message {
    let keys: [KeyEvent] =
      KeyBindings.table.flatMap(\.keys) + [
        .enter, .escape, .backspace, .delete, .character("é"), .character("日"), .character("\u{1b}"),
        .character("\u{202e}"), .character("/"), .control("x"), .function(5),
      ]
    let key = random.pick(keys)
    // Ctrl-C and q quit; keep them rare so that the state lives long enough to get deep.
    if KeyBindings.action(for: key, in: state.inputMode) == .quit && !random.chance(0.02) { return .tick(now) }
    return KeyBindings.action(for: key, in: state.inputMode).map(Message.action) ?? .tick(now)
  }

  private mutating func action() -> Action {
    let actions: [Action] = [
      .moveUp, .moveDown, .pageUp, .pageDown, .home, .end, .focusNext, .focusPrevious, .drillIn, .drillIn, .back,
      .beginFilter, .beginSearch, .insertText(random.pick(HostileScenes.all + ["a", "run", "#1", "failed", "x"])),
      .deleteBackward, .commitPrompt, .cancelPrompt, .cycleSort, .togglePause, .refreshNow, .faster, .slower,
      .toggleHelp, .nextMatch, .previousMatch, .toggleWrap, .openPage, .previousItem, .nextItem, .toggleAlerts,
      .cursorLeft, .cursorRight, .toggleLogScale, .zoomIn, .zoomOut, .resetZoom, .toggleOverlay, .openTriage,
      .cycleWindow, .compare, .toggleMark,
    ]
    return random.pick(actions)
  }

  private mutating func resize() -> Message {
    let sizes = [
      (0, 0), (1, 1), (0, 24), (80, 0), (59, 16), (60, 16), (61, 17), (80, 24), (100, 30), (120, 40), (2, 300),
      (300, 2),
    ]
    if random.chance(0.5) {
      let (width, height) = random.pick(sizes)
      return .layout(ScreenLayout.paneLayout(for: Size(width: width, height: height)))
    }
    return .layout(ScreenLayout.paneLayout(for: Size(width: random.int(in: -3...140), height: random.int(in: -3...45))))
  }

  // MARK: - Answers

  /// An answer to one of the reads the state asked for.
  private mutating func answer() -> Message? {
    guard !pending.isEmpty else { return nil }
    let effect = pending.remove(at: random.int(in: 0...(pending.count - 1)))
    switch effect {
    case .startPoll(let request), .fetchOnce(let request):
      return pollAnswer(request)
    case .fetchArtifact(let id):
      switch random.int(in: 0...9) {
      case 0: return .artifactLoaded(id, nil, at: now)
      case 1: return .artifactFailed(id, storeError())
      default:
        var row = Self.artifacts.first { $0.id == id }
        if random.chance(0.2) { row?.contentLength = Int64(random.int(in: 0...400)) }
        return .artifactLoaded(id, row, at: now)
      }
    case .fetchContent(let request):
      if random.chance(0.08) { return .contentFailed(request, storeError()) }
      let content = Self.contents.first { ContentSource.artifact($0.key) == request.source }?.value ?? []
      let lower = min(content.count, Int(request.offset))
      var bytes = Array(content[lower..<min(content.count, lower + request.length)])
      // A store may return less than asked (the content shrank) or, wrongly, more.
      if random.chance(0.05) { bytes = Array(bytes.prefix(random.int(in: 0...bytes.count))) }
      if random.chance(0.02) { bytes += [0xFF, 0xC3] }
      return .contentLoaded(request, bytes)
    default:
      return nil
    }
  }

  /// An answer to a request that was since replaced.
  private mutating func lateAnswer() -> Message? {
    guard !seen.isEmpty else { return nil }
    return pollAnswer(random.pick(seen))
  }

  private mutating func pollAnswer(_ request: PollRequest) -> Message {
    switch random.int(in: 0...19) {
    case 0..<3:
      let attempt = random.int(in: 1...9)
      let retry = random.chance(0.7) ? now.addingTimeInterval(random.double(in: 0...30)) : nil
      return .failed(request, LoadFailure(error: storeError(), attempt: attempt, at: now, retryAt: retry))
    case 3..<5:
      return .unchanged(request, at: now)
    default:
      return .loaded(value(for: request), at: now)
    }
  }

  private mutating func value(for request: PollRequest) -> PollValue {
    switch request {
    case .tasks(let query): return .tasks(query, subset(Self.tasks))
    case .runs(let query): return .runs(query, subset(Self.runs))
    case .metrics(let query): return .metrics(query, subset(Self.metrics))
    case .artifacts(let query): return .artifacts(query, subset(Self.artifacts))
    case .health:
      let trip = random.pick([Duration.zero, .microseconds(420), .seconds(3_600), .seconds(Int64(Int32.max))])
      return .health(Health(roundTrip: trip, serverVersion: random.pick(HostileScenes.all), schemaVersion: 3))
    case .runPage:
      guard random.chance(0.9), let run = subset(Self.runs).first else { return .page(request, .missing) }
      return .page(request, .run(page(of: run)))
    case .taskPage:
      guard random.chance(0.9), let task = subset(Self.tasks).first else { return .page(request, .missing) }
      let counts = subset(Self.runs).map { StatusCount(status: $0.status, count: random.int(in: 0...9_999)) }
      let stats =
        random.chance(0.5) ? nil : DurationStats(count: 3, p50: 1, p95: random.double(in: 0...1e12), max: .infinity)
      let page = TaskPage(
        task: task, runsByStatus: counts, durations: stats, latestFailure: subset(Self.runs).first,
        previousTaskID: subset(Self.tasks).first?.id, nextTaskID: subset(Self.tasks).first?.id)
      return .page(request, .task(page))
    case .watch(let query):
      return .watch(query, WatchedRuns(failed: subset(Self.runs), running: subset(Self.runs)))
    case .chart(let query), .chartOverlay(let query):
      return .history(request, history(query))
    case .failureGroups(let query):
      let groups = subset(Self.runs).enumerated().map { index, run in
        FailureGroup(
          pattern: random.pick(HostileScenes.all) + " \(index)", count: random.int(in: 1...99_999),
          taskCount: random.int(in: 1...500), taskNames: [run.taskName, random.pick(HostileScenes.all)],
          firstSeen: now.addingTimeInterval(-random.double(in: 0...1e7)), lastSeen: now,
          example: random.pick(HostileScenes.all), exampleLength: random.int(in: 0...99_999))
      }
      return .failureGroups(query, FailureGroups(groups: groups, failures: random.int(in: 0...20_000), cap: query.cap))
    case .failureRuns(let query):
      return .failureRuns(query, subset(Self.runs))
    case .comparison(let query):
      let runs = subset(Self.runs)
      guard random.chance(0.9), runs.count >= 2 else { return .comparison(query, .missing) }
      let sides = runs.prefix(2).map { run in
        ComparedRun(
          page: page(of: run),
          metrics: subset(Self.metrics).map { series in
            MetricSummary(
              name: series.name, metricType: series.metricType, unit: series.unit, last: series.latest ?? .nan,
              lastAt: now, min: random.double(in: -1e12...0), max: random.pick([.infinity, 1e300, 1]), points: 1)
          })
      }
      return .comparison(query, .compared(old: sides[0], new: sides[1]))
    }
  }

  /// A hostile series: any bucket count, non-finite and extreme values, a hostile unit.
  private mutating func history(_ query: MetricHistoryQuery) -> MetricHistory {
    guard random.chance(0.9) else { return MetricHistory(name: query.name) }
    let count = random.pick([1, 2, query.buckets, query.buckets * 3, 1_000])
    let values = [0, -1, 1e-300, .nan, .infinity, -.infinity, 1e308, -1e308, 50, 9_999]
    let buckets = (0..<count).compactMap { index -> MetricBucket? in
      guard random.chance(0.7) else { return nil }
      let pair = [random.pick(values), random.pick(values)].filter(\.isFinite).sorted()
      return MetricBucket(
        index: index, count: random.int(in: 1...9_999), min: pair.first, max: pair.last, last: random.pick(values),
        firstAt: now, lastAt: now)
    }
    return MetricHistory(
      name: query.name, metricType: .known(.gauge), unit: random.pick(HostileScenes.all), first: now, last: now,
      from: now, to: now.addingTimeInterval(random.double(in: 0...1e9)), bucketCount: count, buckets: buckets,
      previousRunID: random.chance(0.5) ? subset(Self.runs).first?.id : nil)
  }

  private mutating func page(of run: RunRow) -> RunPage {
    let document = { (fuzzer: inout Fuzzer) -> DocumentHead? in
      guard !fuzzer.random.chance(0.2) else { return nil }
      let text = fuzzer.random.pick(HostileScenes.all)
      return DocumentHead(text: text, byteCount: Int64(fuzzer.random.int(in: 0...99)))
    }
    return RunPage(
      run: run, updatedAt: now, errorMessage: document(&self), errorDetails: document(&self), plan: document(&self),
      results: document(&self), metrics: subset(Self.metrics), artifacts: subset(Self.artifacts),
      previousRunID: subset(Self.runs).first?.id, nextRunID: subset(Self.runs).first?.id)
  }

  private mutating func subset<Row>(_ pool: [Row]) -> [Row] {
    if random.chance(0.1) { return [] }
    return Array(random.shuffled(pool).prefix(random.int(in: 1...pool.count)))
  }

  private mutating func storeError() -> StoreError {
    let text = random.pick(HostileScenes.all + ["server closed the connection", String(repeating: "long ", count: 80)])
    return random.pick([
      .connection(text), .timedOut(text), .authentication(text), .invalidTarget(text), .schema(text), .closed,
      .query(sqlState: "08006", message: text), .query(sqlState: nil, message: text),
    ])
  }

  private mutating func connectionStatus() -> ConnectionStatus {
    switch random.int(in: 0...3) {
    case 0: return .connecting
    case 1: return .connected
    case 2:
      return .reconnecting(LoadFailure(error: storeError(), attempt: 2, at: now, retryAt: now.addingTimeInterval(3)))
    default:
      return .failed(LoadFailure(error: storeError(), attempt: 1, at: now, retryAt: now.addingTimeInterval(60)))
    }
  }

  // MARK: - Data

  /// Every kind of value a writer could leave in the tables, odd ones included.
  static let tasks: [TaskRow] = (0..<30).map { number in
    let statuses: [Lenient<TaskStatus>] = TaskStatus.allCases.map { .known($0) } + [.unknown("archived\u{1b}[5m")]
    var row = taskRow(
      100 + number, (HostileScenes.all + sampleTasks.map(\.task.name))[number % 12],
      runs: (number * 7 % 50, number * 3 % 40, number % 5), runningNow: number % 3,
      lastRun: number % 4 == 0 ? nil : at(-Double(number * number * 97)))
    row.task.status = statuses[number % statuses.count]
    if number == 7 { row.task.totalRuns = Int(Int32.max) }
    if number == 8 { row.task.successfulRuns = -3 }
    return row
  }

  static let runs: [RunRow] = (0..<60).map { number in
    let statuses: [Lenient<RunStatus>] = RunStatus.allCases.map { .known($0) } + [.unknown("zombie")]
    let durations: [Double?] = [nil, 0.004, 61, 86_400 * 400, -5, .nan, .infinity, 1e300]
    var row = runRow(
      number, task: 100 + number % 30, taskName: (HostileScenes.all + ["market-analysis"])[number % 9],
      runNumber: [number, -1, Int.max, 0][number % 4], status: .completed,
      started: [nil, at(-42), Date.distantPast, Date.distantFuture][number % 4], duration: durations[number % 8],
      error: number % 3 == 0 ? nil : HostileScenes.all[number % 8])
    row.status = statuses[number % statuses.count]
    return row
  }

  static let metrics: [MetricSeries] = (0..<20).map { number in
    let shapes: [[Double]] = [
      [], [1], [1, 1, 1], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [.nan, 1, .infinity, -.infinity, 2],
      [-1e308, 1e308, 0], [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude],
      (0..<70).map { sin(Double($0) / 5) * 1e6 },
    ]
    return series(
      HostileScenes.all[number % 8] + "\(number)", unit: number % 2 == 0 ? nil : HostileScenes.all[(number + 3) % 8],
      shapes[number % shapes.count])
  }

  static let artifacts: [ArtifactRow] = zip(0..<contentList.count, contentList).map { number, entry in
    artifactRow(
      20 + number, name: entry.name, type: entry.type,
      length: [Int64(entry.content.count), Int64(entry.content.count), nil, 1 << 40, -7][number % 5],
      contentType: entry.contentType)
  }

  static let contents: [UUID: [UInt8]] = Dictionary(
    uniqueKeysWithValues: zip(artifacts.map(\.id), contentList.map(\.content)))

  private static let contentList: [(name: String, type: ArtifactType, contentType: String?, content: [UInt8])] = [
    ("summary.md", .report, nil, Array(markdownText.utf8)),
    ("result.json", .data, nil, Array(jsonText.utf8)),
    ("agent.log", .log, nil, Array(logText.utf8)),
    ("snapshot.bin", .other, nil, binaryContent),
    (HostileScenes.bidi, .other, "text/plain", HostileScenes.content),
    ("broken.json", .data, "application/json", Array(#"{"a": [1, 2, {"b": "unterminated"#.utf8)),
    ("invalid-utf8.txt", .other, nil, [0x61, 0xC3, 0x28, 0xE2, 0x82, 0x0A, 0xF0, 0x9F, 0x98, 0x0A, 0xED, 0xA0, 0x80]),
    ("one-long-line.txt", .log, nil, Array(String(repeating: "wide 界 and long ", count: 300).utf8)),
    ("empty.txt", .other, nil, []),
    ("lines.txt", .other, nil, Array((0..<400).map { "line \($0) \u{1b}[0m\r\n" }.joined().utf8)),
  ]
}
