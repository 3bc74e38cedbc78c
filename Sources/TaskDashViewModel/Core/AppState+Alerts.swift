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
  /// alerts were switched on; nil while they are off.
  var desiredWatchRequest: PollRequest? {
    guard alerts.isOn, let since = alerts.since else { return nil }
    return .watch(FailureWatchQuery(since: since, taskID: drilledTaskID, limit: settings.alertWatchLimit))
  }

  /// The alerts a watch answer raises: one per run and kind not told about before. The first
  /// answer to a query is its baseline and raises none.
  ///
  /// Call before `receive(_:at:)`, which only records the answer.
  mutating func raiseAlerts(for value: PollValue) -> [Effect] {
    guard case .watch(_, let rows) = value, requests[.watch] == value.request else { return [] }
    let found = rows.compactMap(RunAlert.init(failed:))
    let raised = alerts.hasBaseline ? found.filter { !alerts.told.contains($0.key) } : []
    alerts.told = Set(found.map(\.key))
    alerts.hasBaseline = true
    return raised.map(Effect.alert)
  }
}
