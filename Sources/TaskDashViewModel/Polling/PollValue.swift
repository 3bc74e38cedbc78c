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
    case .comparison(let query, _): .comparison(query)
    }
  }
}
