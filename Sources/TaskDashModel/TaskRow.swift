import Foundation

/// A task as the tasks pane shows it: the row, its counters and what it is doing now.
public struct TaskRow: Hashable, Sendable, Identifiable {
  public var task: Task
  /// Runs of this task whose status is `running`.
  public var runningNow: Int
  /// When the newest run of this task was created, or nil before the first run.
  public var lastRunAt: Date?

  /// Creates a row.
  public init(task: Task, runningNow: Int, lastRunAt: Date?) {
    self.task = task
    self.runningNow = runningNow
    self.lastRunAt = lastRunAt
  }

  public var id: UUID { task.id }
}
