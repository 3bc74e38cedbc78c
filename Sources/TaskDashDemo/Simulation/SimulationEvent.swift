import TaskDashModel

/// One thing that happened to a run during a tick.
public struct SimulationEvent: Hashable, Sendable {
  /// The run's new status (`pending` when it was just created).
  public var status: RunStatus
  public var taskName: String
  public var runNumber: Int
  /// The error message of a failed or timed-out run.
  public var detail: String?

  /// Creates an event.
  public init(status: RunStatus, taskName: String, runNumber: Int, detail: String? = nil) {
    self.status = status
    self.taskName = taskName
    self.runNumber = runNumber
    self.detail = detail
  }
}
