import Foundation

/// One execution of a task (a row of `task_runs`).
public struct TaskRun: Hashable, Sendable, Identifiable {
  public var id: UUID
  public var taskID: UUID
  /// Sequential within the task; nil when writing asks the database to assign it.
  public var runNumber: Int?
  public var status: Lenient<RunStatus>
  /// The `plan` column as JSON text.
  public var plan: String?
  /// The `results` column as JSON text.
  public var results: String?
  public var startedAt: Date?
  public var completedAt: Date?
  /// Seconds.
  public var duration: Double?
  public var errorMessage: String?
  /// The `error_details` column as JSON text.
  public var errorDetails: String?
  public var createdAt: Date
  public var updatedAt: Date

  /// Creates a run value.
  public init(
    id: UUID = UUID(), taskID: UUID, runNumber: Int? = nil,
    status: Lenient<RunStatus> = .known(.pending), plan: String? = nil, results: String? = nil,
    startedAt: Date? = nil, completedAt: Date? = nil, duration: Double? = nil,
    errorMessage: String? = nil, errorDetails: String? = nil,
    createdAt: Date = Date(), updatedAt: Date = Date()
  ) {
    self.id = id
    self.taskID = taskID
    self.runNumber = runNumber
    self.status = status
    self.plan = plan
    self.results = results
    self.startedAt = startedAt
    self.completedAt = completedAt
    self.duration = duration
    self.errorMessage = errorMessage
    self.errorDetails = errorDetails
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}
