import TaskDashModel

/// Which two copies of a run document to compare: the older run's and the newer's, nil for a
/// run that has none. The effect `.compareDocuments` carries it, and its answer carries it back.
public struct DocumentComparison: Hashable, Sendable {
  public let document: RunDocument
  public let old: DocumentVersion?
  public let new: DocumentVersion?
}
