import Foundation
import TaskDashModel

/// The writes available inside one transaction of a `DashboardWriting` store.
public protocol WriteTransaction: Sendable {
  /// Serialises with every other seeding writer until this transaction ends.
  ///
  /// Seeding checks emptiness after taking it, so two seeds started at once cannot both write.
  func lockForSeeding() async throws
  /// Whether the four taskdash tables hold no row.
  func isEmpty() async throws -> Bool
  /// Deletes every row of the four tables.
  func deleteAll() async throws
  /// Inserts tasks; their counters are ignored (the database maintains them).
  func insert(tasks: [Task]) async throws
  /// Inserts runs through the bulk path (COPY on PostgreSQL); a nil run number is assigned by
  /// the database.
  func insert(runs: [TaskRun]) async throws
  /// Inserts one run and returns its run number (assigned by the database when nil).
  func insert(run: TaskRun) async throws -> Int
  /// Writes a run's status, times, duration, results and error columns.
  func update(run: TaskRun) async throws
  /// Sets a task's status.
  func updateTask(id: UUID, status: TaskStatus) async throws
  /// Deletes one run (its metrics and artifacts go with it).
  func deleteRun(id: UUID) async throws
  /// Inserts metric snapshots through the bulk path; their ids are assigned by the database.
  func insert(metrics: [MetricSnapshot]) async throws
  /// Inserts artifacts with their content.
  func insert(artifacts: [Artifact]) async throws
}
