import Foundation

/// Applies `message` to `state` and returns the work to do; pure, no I/O.
///
/// After every message the polls are reconciled with what the panes show (a new selection,
/// filter or drill level replaces the affected polls), and an open viewer asks for the
/// content windows its screen and pending movements need.
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
  guard !state.isQuitting else { return [] }
  var effects: [Effect] = []
  switch message {
  case .start(let date):
    state.now = max(state.now, date)
    state.isStarted = true
    effects += state.scheduleEffects
  case .action(let action):
    effects += state.perform(action)
  case .layout(let layout):
    state.applyLayout(layout)
  case .tick(let date):
    state.now = max(state.now, date)
    effects += state.raiseSilentAlerts()
  case .loaded(let value, let date):
    let wasLost = state.isDisconnected
    effects += state.raiseAlerts(for: value)
    state.receive(value, at: date)
    if wasLost { effects += state.pollsAfterReconnecting() }
  case .unchanged(let request, let date):
    let wasLost = state.isDisconnected
    state.confirm(request, at: date)
    if wasLost { effects += state.pollsAfterReconnecting() }
  case .failed(let request, let failure):
    state.fail(request, failure)
  case .connection(let status, let date):
    state.now = max(state.now, date)
    state.connection.status = status
  case .artifactLoaded(let id, let row, let date):
    state.now = max(state.now, date)
    if state.viewer?.artifact?.id == id { state.updateViewer { $0.receiveMetadata(row) } }
  case .artifactFailed(let id, let error):
    if state.viewer?.artifact?.id == id { state.updateViewer { $0.failMetadata(error) } }
  case .contentLoaded(let request, let bytes):
    state.updateViewer { $0.receive(request, bytes: bytes) }
  case .contentFailed(let request, let error):
    state.updateViewer { $0.fail(request, error: error) }
  case .documentsCompared(let comparison, let diff):
    state.updateCompare { $0.receive(comparison, diff) }
  case .push(let signal, let date):
    state.now = max(state.now, date)
    effects += state.applyPush(signal)
  case .environmentFailed(let name, let reason):
    state.failEnvironmentSwitch(to: name, reason: reason)
  }
  if state.isQuitting { return effects }
  effects += state.reconcilePolls()
  let (rows, columns) = (state.layout.viewerRows, state.layout.viewerColumns)
  var windows: [ContentRequest] = []
  state.updateViewer { windows = $0.plan(rows: rows, columns: columns) }
  effects += windows.map(Effect.fetchContent)
  var comparisons: (start: [DocumentComparison], stop: [DocumentComparison]) = ([], [])
  state.updateCompare { comparisons = $0.plan() }
  effects += comparisons.stop.map(Effect.stopComparison) + comparisons.start.map(Effect.compareDocuments)
  return effects
}

extension AppState {
  /// Uses new pane sizes and keeps every selection on screen.
  mutating func applyLayout(_ newLayout: PaneLayout) {
    layout = newLayout
    for pane in PaneID.allCases { change(pane, .fit) }
  }
}
