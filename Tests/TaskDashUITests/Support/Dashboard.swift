import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashUI
import TaskDashViewModel
import TerminalUI

/// A dashboard driven by messages, as the run loop would drive it, drawn on demand.
struct Dashboard {
  var state: AppState
  /// The effects of the last message or key.
  var effects: [Effect] = []

  /// Started on a `width` × `height` terminal at `t0`; no data has arrived.
  init(width: Int, height: Int, settings: AppSettings = AppSettings()) {
    state = AppState(settings: settings, now: t0)
    send(.layout(ScreenLayout.paneLayout(for: Size(width: width, height: height))))
    send(.start(at: t0))
  }

  /// Started and showing the sample data in all four panes, drawn five seconds after it
  /// arrived.
  static func loaded(width: Int, height: Int) -> Dashboard {
    var dashboard = Dashboard(width: width, height: height)
    dashboard.loadHealth()
    dashboard.loadTasks(sampleTasks)
    dashboard.loadRuns(sampleRuns)
    dashboard.loadMetrics(sampleMetrics)
    dashboard.loadArtifacts(sampleArtifacts)
    dashboard.send(.tick(at(5)))
    return dashboard
  }

  @discardableResult
  mutating func send(_ message: Message) -> [Effect] {
    effects = update(&state, message)
    return effects
  }

  /// Performs `actions` in order; `effects` holds all of theirs.
  mutating func press(_ actions: Action...) {
    var all: [Effect] = []
    for action in actions { all += send(.action(action)) }
    effects = all
  }

  /// Types `text` into the open prompt, one character at a time.
  mutating func type(_ text: String) {
    for character in text { send(.action(.insertText(String(character)))) }
  }

  // MARK: - Answers to the current queries

  mutating func loadTasks(_ rows: [TaskRow], at date: Date = t0) {
    guard case .tasks(let query)? = state.requests[.tasks] else { return }
    send(.loaded(.tasks(query, rows), at: date))
  }

  mutating func loadRuns(_ rows: [RunRow], at date: Date = t0) {
    guard case .runs(let query)? = state.requests[.runs] else { return }
    send(.loaded(.runs(query, rows), at: date))
  }

  mutating func loadMetrics(_ rows: [MetricSeries], at date: Date = t0) {
    guard case .metrics(let query)? = state.requests[.metrics] else { return }
    send(.loaded(.metrics(query, rows), at: date))
  }

  mutating func loadArtifacts(_ rows: [ArtifactRow], at date: Date = t0) {
    guard case .artifacts(let query)? = state.requests[.artifacts] else { return }
    send(.loaded(.artifacts(query, rows), at: date))
  }

  mutating func loadPage(_ content: PageContent, at date: Date = t0) {
    guard let request = state.requests[.page] else { return }
    send(.loaded(.page(request, content), at: date))
  }

  mutating func loadHealth(at date: Date = t0) {
    send(
      .loaded(
        .health(Health(roundTrip: .microseconds(420), serverVersion: "SQLite 3.40.1", schemaVersion: 3)), at: date))
  }

  /// Fails the poll of `slot` as the poller would report it.
  mutating func fail(_ slot: PollSlot, _ error: StoreError, attempt: Int = 1, at date: Date, retryIn: Double? = 4) {
    guard let request = state.requests[slot] else { return }
    let failure = LoadFailure(
      error: error, attempt: attempt, at: date, retryAt: retryIn.map { date.addingTimeInterval($0) })
    send(.failed(request, failure))
  }

  /// Answers the metadata and content reads among `effects` (and those they lead to) from
  /// `content`, as the runtime would.
  mutating func serve(_ content: [UInt8], metadata: ArtifactRow? = nil) {
    var pending = effects
    while !pending.isEmpty {
      switch pending.removeFirst() {
      case .fetchArtifact(let artifactID):
        let row = metadata ?? state.viewer?.artifact
        pending += send(.artifactLoaded(artifactID, row, at: state.now))
      case .fetchContent(let request):
        let lower = min(content.count, Int(request.offset))
        let upper = min(content.count, lower + request.length)
        pending += send(.contentLoaded(request, Array(content[lower..<upper])))
      default:
        break
      }
    }
  }

  /// Opens the artifact at `index` of the artifacts pane and serves it `content` (nil: leaves
  /// the reads unanswered in `effects`).
  mutating func open(artifact index: Int, content: [UInt8]?) {
    while state.focus != .artifacts { press(.focusNext) }
    press(.home)
    for _ in 0..<index { press(.moveDown) }
    press(.drillIn)
    if let content { serve(content) }
  }

  // MARK: - Drawing

  /// The frame at the state's terminal size.
  func buffer(theme: Theme = .monochrome, target: String = "sqlite:demo.sqlite") -> Buffer {
    DashboardScreen.render(
      state, target: target, theme: theme, size: Size(width: state.width, height: state.height))
  }

  /// The frame's text rows.
  var rows: [String] { buffer().rows }

  /// The rows of this frame that differ from `base`'s frame, by row number: what a scene
  /// changes. Both are drawn at this dashboard's size.
  func changedRows(from base: Dashboard) -> [Int: String] {
    let theirs = base.rows
    var changed: [Int: String] = [:]
    for (index, row) in rows.enumerated() where index >= theirs.count || theirs[index] != row {
      changed[index] = row
    }
    return changed
  }
}
