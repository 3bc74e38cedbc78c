import TaskDashModel

/// One side of a comparison: a run's page and its metric summaries.
public struct ComparedRun: Hashable, Sendable {
  /// The run's page: its row, the heads and lengths of its documents, its artifacts.
  public var page: RunPage
  /// Its metrics summed up.
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
