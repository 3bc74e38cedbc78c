import Foundation
import TaskDashStore

/// Partition upkeep and retention on PostgreSQL, over one connection.
///
/// Every batch is its own transaction with a short `lock_timeout`: a drop waits a moment for
/// the writers' locks and gives up rather than queueing them behind it; running again is safe.
final class PostgresMaintainer: MaintenanceWriting {
  private typealias SQL = MaintenanceStatements

  private let pool: ConnectionPool

  init(conninfo: String, settings: ConnectionSettings = .writer) {
    pool = ConnectionPool(conninfo: conninfo, settings: settings, capacity: 1)
  }

  /// Opens the connection now, so a bad target fails at once.
  func connect() async throws {
    try await pool.connectNow()
  }

  func ensurePartitions(since: Date, through: Date) async throws -> Int {
    try await pool.withConnection(retry: true) { connection in
      let rows = try await connection.query(
        SQL.ensurePartitions, [PostgresText.timestamp(since), PostgresText.timestamp(through)])
      return try rows.first?.int(0) ?? 0
    }
  }

  func prune(_ plan: PrunePlan) async throws -> PruneReport {
    try await pool.withConnection(retry: false) { connection in
      let cutoff = PostgresText.timestamp(plan.cutoff)
      if plan.dryRun {
        return try await Self.count(plan, cutoff: cutoff, on: connection)
      }
      var report = PruneReport()
      for partition in plan.byDelete ? [] : try await Self.partitions(before: cutoff, on: connection) {
        if let rows = try await Self.drop(partition, on: connection) {
          report.metricSnapshots += rows
          report.droppedPartitions.append(partition.name)
        }
      }
      var after: Int64 = 0
      while true {
        let batch = try await connection.query(
          SQL.deleteOldBatch, [cutoff, String(after), String(plan.batchSize)])
        guard let row = batch.first, let last = try row.optionalInt64(1) else { break }
        report.metricSnapshots += try row.int(0)
        after = last
      }
      if plan.runs {
        while true {
          let batch = try await connection.query(SQL.deleteRunsBatch, [cutoff, String(plan.batchSize)])
          guard let row = batch.first, try row.int(0) > 0 else { break }
          report.taskRuns += try row.int(0)
          report.artifacts += try row.int(1)
          report.metricSnapshots += try row.int(2)
        }
      }
      return report
    }
  }

  /// A partition wholly older than the cutoff.
  private struct Candidate: Sendable {
    var name: String
    var upper: String
  }

  private static func partitions(before cutoff: String, on connection: PostgresConnection) async throws
    -> [Candidate]
  {
    try await connection.query(SQL.partitionsBefore, [cutoff]).map {
      Candidate(name: try $0.string(0), upper: try $0.string(1))
    }
  }

  /// Drops a partition with its rollups and returns how many rows it held; nil, leaving it to
  /// the batched deletes, when it holds a snapshot of an active run. The partition is locked
  /// first, so no such row can arrive between the check and the drop.
  private static func drop(_ partition: Candidate, on connection: PostgresConnection) async throws -> Int? {
    let token = try await connection.begin()
    do {
      try await connection.execute("SET LOCAL lock_timeout = '5s'", transaction: token)
      try await connection.execute(SQL.lock(partition.name), transaction: token)
      let active = try await connection.query(SQL.holdsActiveRows(partition.name), transaction: token)
      guard try active.first?.bool(0) == false else {
        await connection.rollback(token)
        return nil
      }
      let rows = try await connection.query(SQL.rowCount(partition.name), transaction: token).first?.int(0) ?? 0
      let lower = try await connection.query(SQL.lowerBound, [partition.name], transaction: token)
      _ = try await connection.query(
        SQL.deleteRollups, [lower.first?.optionalString(0), partition.upper], transaction: token)
      try await connection.execute(SQL.drop(partition.name), transaction: token)
      try await connection.commit(token)
      return rows
    } catch {
      await connection.rollback(token)
      throw error
    }
  }

  /// What a prune would remove, removing nothing.
  private static func count(_ plan: PrunePlan, cutoff: String, on connection: PostgresConnection) async throws
    -> PruneReport
  {
    var report = PruneReport()
    report.metricSnapshots = try await connection.query(SQL.countOld, [cutoff]).first?.int(0) ?? 0
    for partition in plan.byDelete ? [] : try await partitions(before: cutoff, on: connection) {
      let active = try await connection.query(SQL.holdsActiveRows(partition.name))
      if try active.first?.bool(0) == false {
        report.droppedPartitions.append(partition.name)
      }
    }
    if plan.runs, let row = try await connection.query(SQL.countRuns, [cutoff]).first {
      report.taskRuns = try row.int(0)
      report.artifacts = try row.int(1)
      report.metricSnapshots += try row.int(2)
    }
    return report
  }

  func close() async {
    await pool.close()
  }
}
