import Foundation

/// Everything a task's own page shows: the task, its runs by status, the durations of its
/// completed runs, its latest failure, and its neighbours in name order.
public struct TaskPage: Hashable, Sendable {
  /// The task with its counters (description and config included).
  public var task: TaskRow
  /// Run counts by status as stored (unknown statuses included), largest first.
  public var runsByStatus: [StatusCount]
  /// Durations of the newest completed runs (newest by creation, as the runs pane orders them);
  /// nil when none has completed.
  public var durations: DurationStats?
  /// The newest failed or timed-out run, with its error message.
  public var latestFailure: RunRow?
  /// The task before this one by name.
  public var previousTaskID: UUID?
  /// The task after this one by name.
  public var nextTaskID: UUID?

  /// Creates a page; `runsByStatus` is put in its order here (most runs first, then by
  /// status), so the stores need not sort it.
  public init(
    task: TaskRow, runsByStatus: [StatusCount], durations: DurationStats?, latestFailure: RunRow?,
    previousTaskID: UUID?, nextTaskID: UUID?
  ) {
    self.task = task
    self.runsByStatus = runsByStatus.sorted { ($1.count, $0.status.rawValue) < ($0.count, $1.status.rawValue) }
    self.durations = durations
    self.latestFailure = latestFailure
    self.previousTaskID = previousTaskID
    self.nextTaskID = nextTaskID
  }

  /// Where the task's counters (total, successful, failed runs) disagree with its rows, in one
  /// line: `counters say 12 runs, 14 rows · 3 failed, 4 rows`; nil when they agree. taskdash's
  /// own schema keeps them by trigger, so they always agree there; an application that counts
  /// for itself may miss some.
  public var counterMismatch: String? {
    let rows = runsByStatus.reduce(into: (total: 0, ok: 0, failed: 0)) { rows, count in
      rows.total += count.count
      if count.status.known == .completed { rows.ok += count.count }
      if count.status.known?.countsAsFailure == true { rows.failed += count.count }
    }
    let counted = task.task
    let differences = [
      (counted.totalRuns, rows.total, "runs"), (counted.successfulRuns, rows.ok, "ok"),
      (counted.failedRuns, rows.failed, "failed"),
    ].filter { $0.0 != $0.1 }.map { "\($0.0) \($0.2), \($0.1) \($0.1 == 1 ? "row" : "rows")" }
    return differences.isEmpty ? nil : "counters say " + differences.joined(separator: " · ")
  }
}
