import TaskDashModel

/// The rows of the demo set, ready to insert.
public struct DemoDataSet: Hashable, Sendable {
  public var tasks: [Task]
  public var runs: [TaskRun]
  public var metrics: [MetricSnapshot]
  public var artifacts: [Artifact]

  /// Creates a data set.
  public init(tasks: [Task], runs: [TaskRun], metrics: [MetricSnapshot], artifacts: [Artifact]) {
    self.tasks = tasks
    self.runs = runs
    self.metrics = metrics
    self.artifacts = artifacts
  }

  /// All rows of the four tables.
  public var rowCount: Int { tasks.count + runs.count + metrics.count + artifacts.count }
}
