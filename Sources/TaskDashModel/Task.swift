import Foundation

/// A task definition and its run counters (a row of `tasks`).
public struct Task: Hashable, Sendable, Identifiable {
  public var id: UUID
  public var name: String
  public var description: String?
  /// The `config` column as JSON text.
  public var config: String
  public var status: Lenient<TaskStatus>
  public var maxRounds: Int?
  public var memorySize: Int?
  public var totalRuns: Int
  public var successfulRuns: Int
  public var failedRuns: Int
  public var createdAt: Date
  public var updatedAt: Date

  /// Creates a task value; counters default to zero because the database maintains them.
  public init(
    id: UUID = UUID(), name: String, description: String? = nil, config: String = "{}",
    status: Lenient<TaskStatus> = .known(.pending), maxRounds: Int? = nil, memorySize: Int? = nil,
    totalRuns: Int = 0, successfulRuns: Int = 0, failedRuns: Int = 0,
    createdAt: Date = Date(), updatedAt: Date = Date()
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.config = config
    self.status = status
    self.maxRounds = maxRounds
    self.memorySize = memorySize
    self.totalRuns = totalRuns
    self.successfulRuns = successfulRuns
    self.failedRuns = failedRuns
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  /// Successful runs as a fraction of all runs, or nil before the first run.
  public var successRate: Double? {
    totalRuns > 0 ? Double(successfulRuns) / Double(totalRuns) : nil
  }
}
