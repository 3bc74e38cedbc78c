import TaskDashModel
import TaskDashStore

/// The result of one poll, together with the request that produced it.
public enum PollValue: Hashable, Sendable {
  case tasks(TaskQuery, [TaskRow])
  case runs(RunQuery, [RunRow])
  case metrics(MetricQuery, [MetricSeries])
  case artifacts(ArtifactQuery, [ArtifactRow])
  case health(Health)
  /// A page's data, with the page request it answers.
  case page(PollRequest, PageContent)
  /// The failed, timed-out and running runs alerts watch.
  case watch(FailureWatchQuery, WatchedRuns)
  /// A chart's series, with the chart request (main or overlay) it answers.
  case history(PollRequest, MetricHistory)
  /// Failure triage's groups.
  case failureGroups(FailureGroupQuery, FailureGroups)
  /// A page of one failure group's runs.
  case failureRuns(FailureRunQuery, [RunRow])
  /// A comparison's data, with its query.
  case comparison(ComparisonQuery, ComparisonContent)

  /// The request this value answers.
  public var request: PollRequest {
    switch self {
    case .tasks(let query, _): .tasks(query)
    case .runs(let query, _): .runs(query)
    case .metrics(let query, _): .metrics(query)
    case .artifacts(let query, _): .artifacts(query)
    case .health: .health
    case .page(let request, _): request
    case .watch(let query, _): .watch(query)
    case .history(let request, _): request
    case .failureGroups(let query, _): .failureGroups(query)
    case .failureRuns(let query, _): .failureRuns(query)
    case .comparison(let query, _): .comparison(query)
    }
  }
}
