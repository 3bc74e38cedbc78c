import Foundation
import TaskDashStore

/// What one poll reads: a pane's query, or the health probe.
///
/// A result carries its request back, so a result of a query that has since been replaced
/// is recognised and dropped.
public enum PollRequest: Hashable, Sendable {
  case tasks(TaskQuery)
  case runs(RunQuery)
  case metrics(MetricQuery)
  case artifacts(ArtifactQuery)
  case health
  /// A run's page, its documents read up to `documentLimit` characters each.
  case runPage(id: UUID, documentLimit: Int)
  /// A task's page, its durations over the latest `durationRuns` completed runs.
  case taskPage(id: UUID, durationRuns: Int)
  /// The runs that failed or timed out since alerts were switched on, and those running now.
  case watch(FailureWatchQuery)
  /// The chart's bucketed series.
  case chart(MetricHistoryQuery)
  /// The bucketed series the chart overlays (the previous run's).
  case chartOverlay(MetricHistoryQuery)
  /// Failure triage's groups, over the window ending when the poll runs.
  case failureGroups(FailureGroupQuery)
  /// A page of one failure group's runs, over the window ending when the poll runs.
  case failureRuns(FailureRunQuery)
  /// A comparison of two runs.
  case comparison(ComparisonQuery)

  /// The slot whose poller runs this request.
  public var slot: PollSlot {
    switch self {
    case .tasks: .tasks
    case .runs: .runs
    case .metrics: .metrics
    case .artifacts: .artifacts
    case .health: .health
    case .runPage, .taskPage: .page
    case .watch: .watch
    case .chart: .chart
    case .chartOverlay: .chartOverlay
    case .failureGroups: .triage
    case .failureRuns: .failureRuns
    case .comparison: .compare
    }
  }

  /// Runs the request once against `reader`.
  public func read(from reader: any DashboardReading) async throws -> PollValue {
    switch self {
    case .tasks(let query): .tasks(query, try await reader.tasks(query))
    case .runs(let query): .runs(query, try await reader.runs(query))
    case .metrics(let query): .metrics(query, try await reader.metrics(query))
    case .artifacts(let query): .artifacts(query, try await reader.artifacts(query))
    case .health: .health(try await reader.health())
    case .runPage(let id, let limit):
      .page(self, try await reader.runPage(id: id, documentLimit: limit).map(PageContent.run) ?? .missing)
    case .taskPage(let id, let runs):
      .page(self, try await reader.taskPage(id: id, durationRuns: runs).map(PageContent.task) ?? .missing)
    case .watch(let query):
      .watch(
        query,
        WatchedRuns(
          failed: try await reader.recentFailures(query),
          running: try await reader.runs(RunQuery(taskID: query.taskID, status: .running, limit: query.limit))))
    case .chart(let query), .chartOverlay(let query):
      .history(self, try await reader.metricHistory(query))
    // The window slides: it ends when the poll reads, so the query stays the same request.
    case .failureGroups(let query): .failureGroups(query, try await reader.failureGroups(query, now: Date()))
    case .failureRuns(let query): .failureRuns(query, try await reader.failureRuns(query, now: Date()))
    case .comparison(let query): .comparison(query, try await ComparisonContent.read(query, from: reader))
    }
  }
}
