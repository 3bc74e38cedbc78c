import Foundation
import TaskDashModel
import TaskDashStore

// MARK: - Which queries the panes need

extension AppState {
  /// The runs query: the drilled task's runs, filtered in the store by the pane's query, so it
  /// finds matching runs beyond the newest page.
  var desiredRunQuery: RunQuery {
    RunQuery(taskID: drilledTaskID, limit: settings.runLimit, filter: Self.query(runs.filter, for: .runs))
  }

  /// The query a pane's filter text means; the prompt lets only readable ones through.
  static func query(_ text: String, for scope: FilterScope) -> FilterQuery {
    (try? FilterParser.parse(text, for: scope)) ?? FilterQuery()
  }

  /// The run or task whose metrics and artifacts are shown, nil at the top level with no
  /// run selected.
  var detailScope: Scope? {
    if let run = drilledRunID { return .run(run) }
    if let run = runs.selectedRow { return .run(run.id) }
    return drilledTaskID.map(Scope.task)
  }

  /// Starts, replaces or stops polls so that each slot polls what its screen shows, and only
  /// while that screen is in view: a pane under a page or the viewer keeps its rows and its
  /// query, and polls again (first value at once) when it comes back into view.
  ///
  /// Slots are settled in dependency order: the runs query can reset the runs pane, whose
  /// selection decides the metrics and artifacts queries.
  mutating func reconcilePolls() -> [Effect] {
    guard isStarted, !isQuitting else { return [] }
    var effects: [Effect] = []
    let inView = slotsInView
    let taskQuery = TaskQuery(
      sort: tasks.sort, limit: settings.taskLimit, filter: Self.query(tasks.filter, for: .tasks))
    settle(.tasks, .tasks(taskQuery), inView: inView, into: &effects)
    settle(.runs, .runs(desiredRunQuery), inView: inView, into: &effects)
    let scope = detailScope
    settle(
      .metrics,
      scope.map {
        .metrics(MetricQuery(scope: $0, points: settings.metricPoints, maxSeries: settings.maxMetricSeries))
      }, inView: inView, into: &effects)
    settle(
      .artifacts, .artifacts(ArtifactQuery(scope: scope ?? .all, limit: settings.artifactLimit)), inView: inView,
      into: &effects)
    settle(.page, desiredPageRequest, inView: inView, into: &effects)
    settle(.health, .health, inView: inView, into: &effects)
    settle(.watch, desiredWatchRequest, inView: inView, into: &effects)
    settle(.chart, desiredChartRequest, inView: inView, into: &effects)
    settle(.chartOverlay, desiredOverlayRequest, inView: inView, into: &effects)
    settle(.triage, desiredTriageRequest, inView: inView, into: &effects)
    settle(.failureRuns, desiredFailureRunsRequest, inView: inView, into: &effects)
    settle(.compare, comparison?.request, inView: inView, into: &effects)
    return effects
  }

  /// Stops every poll (pause).
  mutating func stopPolls() -> [Effect] {
    PollSlot.allCases.filter(polled.contains).map(Effect.stopPoll)
  }

  /// Starts every poll in view again (resume), each with its first value at once.
  func startPolls() -> [Effect] {
    PollSlot.allCases.filter(polled.contains).compactMap { requests[$0] }.map(Effect.startPoll)
  }

  /// Reads every request in view once (refresh while paused).
  func fetchAllOnce() -> [Effect] {
    PollSlot.allCases.filter(polled.contains).compactMap { requests[$0] }.map(Effect.fetchOnce)
  }

  private mutating func settle(
    _ slot: PollSlot, _ wanted: PollRequest?, inView: Set<PollSlot>, into effects: inout [Effect]
  ) {
    let current = requests[slot]
    let wasPolled = polled.contains(slot)
    let isPolled = wanted != nil && inView.contains(slot)
    if wanted != current {
      requests[slot] = wanted
      prepare(slot, for: wanted, replacing: current)
    }
    if isPolled { polled.insert(slot) } else { polled.remove(slot) }
    if let wanted, isPolled, wanted != current || !wasPolled {
      effects.append(isPaused ? .fetchOnce(wanted) : .startPoll(wanted))
    } else if !isPolled, wasPolled, !isPaused {
      effects.append(.stopPoll(slot))
    }
  }

  /// Clears a pane whose new query reads something else (another task's runs, another
  /// run's metrics); a new filter or order keeps the rows until the answer comes.
  private mutating func prepare(_ slot: PollSlot, for wanted: PollRequest?, replacing current: PollRequest?) {
    switch (slot, wanted, current) {
    case (.runs, .runs(let new)?, .runs(let old)?) where new.taskID != old.taskID:
      // Keep the cursor on the same run when it is in the new scope (drilling in from a run).
      runs.reset(to: .loading, selecting: runs.selectedID, height: layout.rows(for: .runs))
    case (.metrics, _, _):
      metrics.reset(to: wanted == nil ? .idle : .loading, selecting: nil, height: layout.rows(for: .metrics))
    case (.watch, _, _):
      // The first answer to another scope is its baseline, like the first after switching on.
      alerts.hasBaseline = false
    case (.artifacts, _, _):
      artifacts.reset(to: wanted == nil ? .idle : .loading, selecting: nil, height: layout.rows(for: .artifacts))
    case (.chartOverlay, nil, _):
      // A new window keeps the overlaid series until its answer comes; off drops it.
      updateChart { $0.dropOverlay() }
    default:
      break
    }
  }
}

// MARK: - Poll results

extension AppState {
  /// Takes in a new value, unless it answers a request that was since replaced.
  mutating func receive(_ value: PollValue, at date: Date) {
    guard requests[value.request.slot] == value.request else { return }
    noteSuccess(at: date, refreshesData: value.request.slot != .health)
    switch value {
    case .tasks(_, let rows): tasks.setData(tasks.data.receiving(rows, at: date), height: layout.rows(for: .tasks))
    case .runs(_, let rows): runs.setData(runs.data.receiving(rows, at: date), height: layout.rows(for: .runs))
    case .metrics(_, let rows):
      metrics.setData(metrics.data.receiving(rows, at: date), height: layout.rows(for: .metrics))
    case .artifacts(_, let rows):
      artifacts.setData(artifacts.data.receiving(rows, at: date), height: layout.rows(for: .artifacts))
    case .page(_, let content):
      updatePage { $0.receive(content, at: date) }
    case .watch:
      // Alerts are raised by `raiseAlerts(for:)`, which returns them as effects.
      break
    case .history(let request, let history):
      updateChart { $0.receive(history, isOverlay: request.slot == .chartOverlay, at: date) }
    case .health(let health):
      connection.roundTrip = health.roundTrip
      connection.serverVersion = health.serverVersion
      connection.schemaVersion = health.schemaVersion
      connection.origin = health.origin
      connection.server = health.server
    case .failureGroups, .failureRuns:
      receiveTriage(value, at: date)
    case .comparison(_, let content):
      updateCompare { $0.receive(content, at: date) }
    }
  }

  /// Notes that a poll found its value unchanged.
  mutating func confirm(_ request: PollRequest, at date: Date) {
    guard requests[request.slot] == request else { return }
    noteSuccess(at: date, refreshesData: request.slot != .health)
    if let pane = request.slot.pane {
      change(pane, .confirm(at: date))
    } else if request.slot == .page {
      updatePage { $0.confirm(at: date) }
    } else if request.slot == .chart || request.slot == .chartOverlay {
      updateChart { $0.confirm(isOverlay: request.slot == .chartOverlay, at: date) }
    } else if request.slot == .compare {
      updateCompare { $0.confirm(at: date) }
    } else {
      settleTriage(request.slot, at: date, failure: nil)
    }
  }

  /// Notes a failed poll: the pane keeps its last good rows, marked stale.
  mutating func fail(_ request: PollRequest, _ failure: LoadFailure) {
    guard requests[request.slot] == request else { return }
    now = max(now, failure.at)
    if let pane = request.slot.pane {
      change(pane, .fail(failure))
    } else if request.slot == .page {
      updatePage { $0.fail(failure) }
    } else if request.slot == .chart || request.slot == .chartOverlay {
      updateChart { $0.fail(failure, isOverlay: request.slot == .chartOverlay) }
    } else if request.slot == .compare {
      updateCompare { $0.fail(failure) }
    } else {
      settleTriage(request.slot, at: failure.at, failure: failure)
    }
    if request.slot == .health, failure.error.isRetryable { markPanesStale(failure) }
    if failure.error.isRetryable {
      connection.status = .reconnecting(failure)
    } else if failure.error.concernsConnection {
      connection.status = .failed(failure)
    }
    // The next connection may reach another host of a multi-host target: no server is named
    // until a probe says which.
    if isDisconnected { connection.server = nil }
  }

  /// Whether the connection was lost or refused and polls are retrying.
  var isDisconnected: Bool {
    switch connection.status {
    case .reconnecting, .failed: true
    case .connecting, .connected: false
    }
  }

  /// Whether the login was refused (or the database is unusable) until someone fixes it.
  var isRefused: Bool {
    if case .failed = connection.status { return true }
    return false
  }

  /// Once a poll gets through after the connection was lost or refused, the other panes poll
  /// at once instead of staying stale until their backoff (a minute after a refusal) runs out.
  func pollsAfterReconnecting() -> [Effect] {
    connection.status == .connected && !isPaused ? [.refreshPolls] : []
  }

  private mutating func noteSuccess(at date: Date, refreshesData: Bool) {
    now = max(now, date)
    connection.status = .connected
    connection.lastContact = max(connection.lastContact ?? date, date)
    if refreshesData { lastRefresh = max(lastRefresh ?? date, date) }
  }
}
