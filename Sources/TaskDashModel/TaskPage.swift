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
}
