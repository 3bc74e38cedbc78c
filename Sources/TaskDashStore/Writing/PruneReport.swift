/// What a prune removed, or with a dry run what it would remove, per table.
public struct PruneReport: Hashable, Sendable {
  /// Metric snapshots, whether their partition was dropped, deleted in batches, or went with
  /// their run.
  public var metricSnapshots: Int
  /// Finished runs.
  public var taskRuns: Int
  /// Artifacts of those runs.
  public var artifacts: Int
  /// The partitions dropped whole (PostgreSQL), oldest first.
  public var droppedPartitions: [String]

  /// Creates a report.
  public init(metricSnapshots: Int = 0, taskRuns: Int = 0, artifacts: Int = 0, droppedPartitions: [String] = []) {
    self.metricSnapshots = metricSnapshots
    self.taskRuns = taskRuns
    self.artifacts = artifacts
    self.droppedPartitions = droppedPartitions
  }
}
