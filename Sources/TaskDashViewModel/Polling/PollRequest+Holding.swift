import Foundation

extension PollRequest {
  /// Whether an answer to this request may be given again while the data did not change
  /// (until the answer's `heldUntil`).
  ///
  /// Pages, triage's sliding window and the alerts' watch judge their figures against the clock
  /// when read, and so does a filter with `since:` or `silent`; the health probe is about the
  /// connection, not the data. Those read on every poll.
  var canBeHeld: Bool {
    switch self {
    case .tasks(let query): !query.filter.dependsOnClock
    case .runs(let query): !query.filter.dependsOnClock
    case .metrics, .artifacts, .chart, .chartOverlay, .comparison: true
    case .health, .runPage, .taskPage, .watch, .failureGroups, .failureRuns: false
    }
  }
}

extension PollValue {
  /// Until when this answer stays true while the data does not change.
  ///
  /// The tasks pane's silent counts change with the clock, but only at known moments: when the
  /// first running run that is not silent yet reaches its quiet limit. Every other answer a
  /// request that `canBeHeld` gets follows from the data alone.
  var heldUntil: Date {
    guard case .tasks(_, let rows) = self else { return .distantFuture }
    return rows.compactMap(\.nextSilenceAt).min() ?? .distantFuture
  }
}
