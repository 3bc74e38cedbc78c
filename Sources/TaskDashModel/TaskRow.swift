import Foundation

/// A task as the tasks pane shows it: the row, its counters and what it is doing now.
public struct TaskRow: Hashable, Sendable, Identifiable {
  public var task: Task
  /// Runs of this task whose status is `running`.
  public var runningNow: Int
  /// Of those, the runs that are silent (see `RunActivity`), judged by the database's clock
  /// when it read the row.
  public var silentNow: Int
  /// When the newest run of this task was created, or nil before the first run.
  public var lastRunAt: Date?
  /// The soonest moment one of its running runs that is not silent yet turns silent if nothing
  /// more is heard from it (its last sign plus its quiet limit, see `RunActivity`); nil when
  /// none is running or all are silent.
  ///
  /// Until then, and while the data does not change, the row stays as it was read: a poll may
  /// skip reading it again.
  public var nextSilenceAt: Date?

  /// Creates a row.
  public init(task: Task, runningNow: Int, lastRunAt: Date?, silentNow: Int = 0, nextSilenceAt: Date? = nil) {
    self.task = task
    self.runningNow = runningNow
    self.silentNow = silentNow
    self.lastRunAt = lastRunAt
    self.nextSilenceAt = nextSilenceAt
  }

  public var id: UUID { task.id }
}
