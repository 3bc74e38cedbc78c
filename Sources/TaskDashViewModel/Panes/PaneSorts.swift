import TaskDashModel
import TaskDashStore

/// The order each pane starts in (the operator's configuration; `s` still cycles them).
public struct PaneSorts: Hashable, Sendable {
  /// The tasks pane's order.
  public var tasks: TaskQuery.Sort
  /// The runs pane's order.
  public var runs: RunSort
  /// The metrics pane's order.
  public var metrics: MetricSort
  /// The artifacts pane's order.
  public var artifacts: ArtifactSort

  /// Creates the orders; each defaults to its pane's usual one.
  public init(
    tasks: TaskQuery.Sort = TaskRow.defaultSort, runs: RunSort = RunRow.defaultSort,
    metrics: MetricSort = MetricSeries.defaultSort, artifacts: ArtifactSort = ArtifactRow.defaultSort
  ) {
    self.tasks = tasks
    self.runs = runs
    self.metrics = metrics
    self.artifacts = artifacts
  }
}
