/// What a comparison's poll reads: the two runs' pages (for their rows, the lengths of their
/// documents, their artifacts) and their metric summaries.
public struct ComparisonQuery: Hashable, Sendable {
  /// Which runs.
  public var subject: CompareSubject
  /// Characters of each document a page read carries (the error message is shown from it;
  /// the JSON documents are compared by `DocumentComparer`, which reads them in windows).
  public var documentLimit: Int
  /// At most this many metric names per run.
  public var maxMetrics: Int
  /// The newest points of a metric its min and max cover.
  public var pointLimit: Int

  /// The points a summary covers by default: a run's 10,000 newest points of one name cost
  /// about 20 ms on PostgreSQL here, its 100,000 newest 300 ms (heap reads, since the index
  /// does not hold the values), and the comparison is polled.
  public static let standardPointLimit = 10_000

  /// Creates a query.
  public init(
    subject: CompareSubject, documentLimit: Int = 2048, maxMetrics: Int = 50,
    pointLimit: Int = standardPointLimit
  ) {
    self.subject = subject
    self.documentLimit = documentLimit
    self.maxMetrics = maxMetrics
    self.pointLimit = pointLimit
  }
}
