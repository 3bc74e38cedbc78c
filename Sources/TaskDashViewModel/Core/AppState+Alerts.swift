import Foundation
import TaskDashStore

// MARK: - Alerts

extension AlertWatch {
  /// Starts watching from `date` (less the clock allowance), with no baseline yet.
  mutating func switchOn(at date: Date) {
    self = AlertWatch(isOn: true, since: date.addingTimeInterval(-Self.clockAllowance))
  }
}

extension AppState {
  /// The watch poll: the failed and timed-out runs of the drilled task (or of every task) since
  /// alerts were switched on, and its running runs; nil while alerts are off.
  var desiredWatchRequest: PollRequest? {
    guard alerts.isOn, let since = alerts.since else { return nil }
    return .watch(FailureWatchQuery(since: since, taskID: drilledTaskID, limit: settings.alertWatchLimit))
  }

  /// The alerts a watch answer raises: one per run and kind not told about before. The first
  /// answer to a query is its baseline and raises none: what failed or went silent before the
  /// operator asked is not news.
  ///
  /// Call before `receive(_:at:)`, which only records the answer.
  mutating func raiseAlerts(for value: PollValue) -> [Effect] {
    guard case .watch(_, let runs) = value, requests[.watch] == value.request else { return [] }
    let failed = runs.failed.compactMap(RunAlert.init(failed:))
    let raised = alerts.hasBaseline ? failed.filter { !alerts.told.contains($0.key) } : []
    // Both lists are bounded, so what was told is kept to what they still hold.
    let silentTold = alerts.told.filter { key in key.kind == .silent && runs.running.contains { $0.id == key.runID } }
    alerts.told = Set(failed.map(\.key)).union(silentTold)
    alerts.running = runs.running
    let silent = raiseSilentAlerts()
    alerts.hasBaseline = true
    return raised.map(Effect.alert) + silent
  }

  /// The running runs that went silent since they were last looked at: the silence rule runs on
  /// the dashboard's clock, so a run goes silent between polls that find nothing changed, and
  /// every tick asks again.
  mutating func raiseSilentAlerts() -> [Effect] {
    guard alerts.isOn else { return [] }
    let silent = alerts.running.filter { $0.silentSeconds(at: now) != nil }.map { RunAlert($0, kind: .silent) }
    let fresh = silent.filter { !alerts.told.contains($0.key) }
    alerts.told.formUnion(fresh.map(\.key))
    return alerts.hasBaseline ? fresh.map(Effect.alert) : []
  }
}
