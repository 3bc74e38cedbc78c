import Foundation

/// Everything a run's own page shows: the run, its documents, its metrics and artifacts, and
/// its neighbours among the runs of the same task.
public struct RunPage: Hashable, Sendable {
  /// The run as the runs pane shows it (the error message there is the head's text).
  public var run: RunRow
  /// When the run's row last changed.
  public var updatedAt: Date
  /// The whole error message, up to the head's bound.
  public var errorMessage: DocumentHead?
  /// The `error_details` column.
  public var errorDetails: DocumentHead?
  /// The `plan` column.
  public var plan: DocumentHead?
  /// The `results` column.
  public var results: DocumentHead?
  /// The run's metrics, each with its latest value.
  public var metrics: [MetricSeries]
  /// The run's artifacts, newest first, without content.
  public var artifacts: [ArtifactRow]
  /// The run of the same task with the next lower run number.
  public var previousRunID: UUID?
  /// The run of the same task with the next higher run number.
  public var nextRunID: UUID?

  /// Creates a page.
  public init(
    run: RunRow, updatedAt: Date, errorMessage: DocumentHead?, errorDetails: DocumentHead?, plan: DocumentHead?,
    results: DocumentHead?, metrics: [MetricSeries], artifacts: [ArtifactRow], previousRunID: UUID?,
    nextRunID: UUID?
  ) {
    self.run = run
    self.updatedAt = updatedAt
    self.errorMessage = errorMessage
    self.errorDetails = errorDetails
    self.plan = plan
    self.results = results
    self.metrics = metrics
    self.artifacts = artifacts
    self.previousRunID = previousRunID
    self.nextRunID = nextRunID
  }

  /// The head read of one of the run's documents.
  public func head(of document: RunDocument) -> DocumentHead? {
    switch document {
    case .errorMessage: errorMessage
    case .errorDetails: errorDetails
    case .plan: plan
    case .results: results
    }
  }
}
