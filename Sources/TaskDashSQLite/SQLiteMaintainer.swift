import Foundation
import TaskDashStore

/// Retention on a SQLite file, over its own connection. SQLite has no partitions: there is
/// nothing to create ahead, and every removal is a batched delete, each batch one transaction.
final class SQLiteMaintainer: MaintenanceWriting {
  private typealias SQL = SQLiteMaintenanceSQL

  private let connection: SQLiteConnection

  init(connection: SQLiteConnection) {
    self.connection = connection
  }

  func ensurePartitions(since: Date, through: Date) async throws -> Int { 0 }

  func prune(_ plan: PrunePlan) async throws -> PruneReport {
    let cutoff = SQLiteValue.text(SQLiteTimestamp.format(plan.cutoff))
    // A dry run counts every run at once; a batch counts a batch.
    let everything = SQLiteValue.integer(-1)
    let batch = SQLiteValue.integer(Int64(plan.batchSize))
    if plan.dryRun {
      return try await connection.perform { database in
        try database.readTransaction {
          var report = PruneReport()
          report.metricSnapshots = try Self.integers(database, SQL.countOld, [":cutoff": cutoff])[0]
          if plan.runs {
            let counts = try Self.integers(database, SQL.countRuns, [":cutoff": cutoff, ":limit": everything])
            report.taskRuns = counts[0]
            report.artifacts = counts[1]
            report.metricSnapshots += counts[2]
          }
          return report
        }
      }
    }
    var report = PruneReport()
    while true {
      let removed = try await batchTransaction { database in
        try database.prepared(SQL.deleteOldBatch) { statement in
          try statement.bind(named: [":cutoff": cutoff, ":limit": batch])
          try statement.run()
        }
        return database.changes
      }
      guard removed > 0 else { break }
      report.metricSnapshots += removed
    }
    while plan.runs {
      let (runs, artifacts, snapshots) = try await batchTransaction { database in
        let counts = try Self.integers(database, SQL.countRunsBatch, [":cutoff": cutoff, ":limit": batch])
        try database.prepared(SQL.deleteRunsBatch) { statement in
          try statement.bind(named: [":cutoff": cutoff, ":limit": batch])
          try statement.run()
        }
        return (database.changes, counts[0], counts[1])
      }
      guard runs > 0 else { break }
      report.taskRuns += runs
      report.artifacts += artifacts
      report.metricSnapshots += snapshots
    }
    return report
  }

  /// Runs `body` between BEGIN IMMEDIATE and COMMIT: the write lock at once, so a batch never
  /// fails half-way because a writer got there first.
  private func batchTransaction<T: Sendable>(_ body: @escaping @Sendable (SQLiteDatabase) throws -> T)
    async throws -> T
  {
    try await connection.perform { database in
      try database.execute("BEGIN IMMEDIATE")
      do {
        let value = try body(database)
        try database.execute("COMMIT")
        return value
      } catch {
        try? database.execute("ROLLBACK")
        throw error
      }
    }
  }

  /// The integer columns of the one row `sql` returns.
  private static func integers(_ database: SQLiteDatabase, _ sql: String, _ values: [String: SQLiteValue]) throws
    -> [Int]
  {
    try database.prepared(sql) { statement in
      try statement.bind(named: values)
      guard try statement.step() else { return [] }
      return (0..<statement.columnCount).map { statement.int($0) ?? 0 }
    }
  }

  func close() async {
    await connection.close()
  }
}
