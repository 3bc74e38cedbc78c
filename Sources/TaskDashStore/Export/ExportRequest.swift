import Foundation

/// Which rows an export writes.
public struct ExportRequest: Hashable, Sendable {
  /// Runs, metric snapshots or artifacts.
  public var kind: ExportKind
  /// Only rows from this time on (a run's or an artifact's creation, a snapshot's timestamp).
  public var since: Date?
  /// Only rows of this task.
  public var taskID: UUID?
  /// The runs pane's query language: the runs that match, or the snapshots and artifacts of
  /// the runs that match.
  public var filter: FilterQuery

  /// Creates a request.
  public init(kind: ExportKind, since: Date? = nil, taskID: UUID? = nil, filter: FilterQuery = FilterQuery()) {
    self.kind = kind
    self.since = since
    self.taskID = taskID
    self.filter = filter
  }
}
