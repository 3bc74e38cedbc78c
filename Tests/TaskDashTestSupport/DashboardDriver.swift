import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashViewModel

/// A dashboard driven by messages, as the run loop would drive it: each message goes through
/// `update`, and the effects of the last one are kept for the test to look at or answer.
public struct DashboardDriver {
  /// The dashboard's state after the last message.
  public var state: AppState
  /// The effects of the last message, or of all the actions of the last `press`.
  public var effects: [Effect] = []

  /// Started at `t0` with panes of `layout`; no data has arrived.
  public init(layout: PaneLayout, settings: AppSettings = AppSettings()) {
    state = AppState(settings: settings, now: t0)
    send(.layout(layout))
    send(.start(at: t0))
  }

  /// Feeds `message` to `update`.
  @discardableResult
  public mutating func send(_ message: Message) -> [Effect] {
    effects = update(&state, message)
    return effects
  }

  /// Performs `actions` in order; `effects` holds all of theirs.
  @discardableResult
  public mutating func press(_ actions: Action...) -> [Effect] {
    var all: [Effect] = []
    for action in actions { all += send(.action(action)) }
    effects = all
    return all
  }

  /// Types `text` into the open prompt, one character at a time.
  public mutating func type(_ text: String) {
    for character in text { send(.action(.insertText(String(character)))) }
  }

  // MARK: - Answers to the current queries

  /// Answers the tasks pane's current query with `rows`.
  public mutating func loadTasks(_ rows: [TaskRow], at date: Date = t0) {
    guard case .tasks(let query)? = state.requests[.tasks] else { return }
    send(.loaded(.tasks(query, rows), at: date))
  }

  /// Answers the runs pane's current query with `rows`.
  public mutating func loadRuns(_ rows: [RunRow], at date: Date = t0) {
    guard case .runs(let query)? = state.requests[.runs] else { return }
    send(.loaded(.runs(query, rows), at: date))
  }

  /// Answers the metrics pane's current query with `rows`.
  public mutating func loadMetrics(_ rows: [MetricSeries], at date: Date = t0) {
    guard case .metrics(let query)? = state.requests[.metrics] else { return }
    send(.loaded(.metrics(query, rows), at: date))
  }

  /// Answers the artifacts pane's current query with `rows`.
  public mutating func loadArtifacts(_ rows: [ArtifactRow], at date: Date = t0) {
    guard case .artifacts(let query)? = state.requests[.artifacts] else { return }
    send(.loaded(.artifacts(query, rows), at: date))
  }

  /// Answers the open page's read with `content`.
  public mutating func loadPage(_ content: PageContent, at date: Date = t0) {
    guard let request = state.requests[.page] else { return }
    send(.loaded(.page(request, content), at: date))
  }

  /// Answers the health probe with `sampleHealth`.
  public mutating func loadHealth(at date: Date = t0) {
    send(.loaded(.health(sampleHealth), at: date))
  }

  /// Fails the poll of `slot` as the poller would report it.
  public mutating func fail(
    _ slot: PollSlot, _ error: StoreError, attempt: Int = 1, at date: Date, retryIn: Double? = 4
  ) {
    guard let request = state.requests[slot] else { return }
    let failure = LoadFailure(
      error: error, attempt: attempt, at: date, retryAt: retryIn.map { date.addingTimeInterval($0) })
    send(.failed(request, failure))
  }

  /// Answers the metadata and content reads among `effects` (and those they lead to) from
  /// `content`, as the runtime would; metadata is `metadata`, or the open viewer's artifact.
  public mutating func serve(_ content: [UInt8], metadata: ArtifactRow? = nil) {
    var pending = effects
    while !pending.isEmpty {
      switch pending.removeFirst() {
      case .fetchArtifact(let artifactID):
        let row = metadata ?? state.viewer?.artifact
        pending += send(.artifactLoaded(artifactID, row, at: state.now))
      case .fetchContent(let request):
        pending += send(.contentLoaded(request, slice(content, request)))
      default:
        break
      }
    }
  }

  /// Opens the artifact at `index` of the artifacts pane and serves it `content` (nil: leaves
  /// the reads unanswered in `effects`).
  public mutating func open(artifact index: Int, content: [UInt8]?) {
    while state.focus != .artifacts { press(.focusNext) }
    press(.home)
    for _ in 0..<index { press(.moveDown) }
    press(.drillIn)
    if let content { serve(content) }
  }
}
