import Foundation

/// Upkeep of a database that taskdash owns: partitions ahead of the writers and retention.
///
/// Used by `taskdash maintain`, `taskdash prune` and, before they write, by the seeder and the
/// simulator; never by the dashboard.
public protocol MaintenanceWriting: Sendable {
  /// Makes every UTC day from the day of `since` through the day of `through` a place of its own
  /// where the backend partitions metric snapshots; returns how many it created (SQLite keeps
  /// one table and creates none).
  func ensurePartitions(since: Date, through: Date) async throws -> Int
  /// Removes what `plan` selects, or with `plan.dryRun` only counts it.
  ///
  /// Each batch commits on its own, so an interrupted prune leaves whole batches removed and the
  /// rest in place, and running it again picks up where it stopped.
  func prune(_ plan: PrunePlan) async throws -> PruneReport
  /// Closes the connection; later calls throw.
  func close() async
}
