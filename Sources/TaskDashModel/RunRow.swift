import Foundation

/// A run as the runs pane shows it: the run without its large JSON columns, plus the task name.
public struct RunRow: Hashable, Sendable, Identifiable {
  public var id: UUID
  public var taskID: UUID
  public var taskName: String
  public var runNumber: Int
  public var status: Lenient<RunStatus>
  public var startedAt: Date?
  public var completedAt: Date?
  /// Seconds; nil while the run has not finished.
  public var duration: Double?
  public var errorMessage: String?
  public var createdAt: Date
  /// What the silence rule needs, read for running runs only; nil for every other status.
  public var activity: RunActivity?

  /// Creates a row.
  public init(
    id: UUID, taskID: UUID, taskName: String, runNumber: Int, status: Lenient<RunStatus>,
    startedAt: Date?, completedAt: Date?, duration: Double?, errorMessage: String?,
    createdAt: Date, activity: RunActivity? = nil
  ) {
    self.id = id
    self.taskID = taskID
    self.taskName = taskName
    self.runNumber = runNumber
    self.status = status
    self.startedAt = startedAt
    self.completedAt = completedAt
    self.duration = duration
    self.errorMessage = errorMessage
    self.createdAt = createdAt
    self.activity = activity
  }

  /// How long the run has been silent at `now`, or nil when it is not silent (or not running).
  public func silentSeconds(at now: Date) -> Double? {
    guard status.known == .running else { return nil }
    return activity?.silentSeconds(at: now)
  }
}
