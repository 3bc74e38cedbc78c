import Foundation

/// What `taskdash prune` removes.
///
/// Never anything of a run that has not finished (pending or running): its snapshots stay,
/// however old. With `runs`, finished runs that ended before the cutoff go too, with their
/// snapshots and artifacts, except each task's latest run, which the next run's number follows.
public struct PrunePlan: Hashable, Sendable {
  /// Snapshots older than this go; runs that ended before it go when `runs` is set.
  public var cutoff: Date
  /// Whether finished runs are removed as well.
  public var runs: Bool
  /// Count only, remove nothing.
  public var dryRun: Bool
  /// Rows per batch, each batch one transaction.
  public var batchSize: Int
  /// Delete old snapshots row by row even where a whole partition could be dropped: a logical
  /// replication subscriber receives deletes but not a dropped table.
  public var byDelete: Bool

  /// Creates a plan.
  public init(cutoff: Date, runs: Bool = false, dryRun: Bool = false, batchSize: Int = 10_000, byDelete: Bool = false) {
    self.cutoff = cutoff
    self.runs = runs
    self.dryRun = dryRun
    self.batchSize = batchSize
    self.byDelete = byDelete
  }
}
