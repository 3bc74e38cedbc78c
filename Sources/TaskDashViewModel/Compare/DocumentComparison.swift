import TaskDashModel

/// Which two copies of a run document to compare: the older run's and the newer's, nil for a
/// run that has none. The effect `.compareDocuments` carries it, and its answer carries it back.
public struct DocumentComparison: Hashable, Sendable {
  /// Plan, results or error details.
  public let document: RunDocument
  /// The older run's copy.
  public let old: DocumentVersion?
  /// The newer run's copy.
  public let new: DocumentVersion?
}
