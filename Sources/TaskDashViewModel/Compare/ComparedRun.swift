import TaskDashModel

/// One side of a comparison: a run's page and its metric summaries.
public struct ComparedRun: Hashable, Sendable {
  public var page: RunPage
  public var metrics: [MetricSummary]

  /// Creates a side.
  public init(page: RunPage, metrics: [MetricSummary]) {
    self.page = page
    self.metrics = metrics
  }

  /// The version of `document` a `DocumentComparison` names, nil when the run has none.
  func version(of document: RunDocument) -> DocumentVersion? {
    page.head(of: document).map {
      DocumentVersion(runID: page.run.id, byteCount: $0.byteCount, updatedAt: page.updatedAt)
    }
  }
}
