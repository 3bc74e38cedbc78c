import Foundation
import TaskDashModel
import TaskDashStore

extension PostgresReader {
  /// PostgreSQL keeps timestamps to the microsecond.
  static let ticksPerSecond: Int64 = 1_000_000

  func metricHistory(_ query: MetricHistoryQuery) async throws -> MetricHistory {
    var history = MetricHistory(name: query.name)
    guard let head = try await rows(MetricHistoryStatements.head(query)).first else { return history }
    history.previousRunID = try head.optionalUUID(4)
    guard let last = try head.optionalDate(2), let first = try head.optionalDate(3) else { return history }
    history.metricType = Lenient(rawValue: try head.string(0))
    history.unit = head.optionalString(1)
    history.first = first
    history.last = last
    guard let grid = BucketGrid(query, first: first, last: last, ticksPerSecond: Self.ticksPerSecond) else {
      return history
    }
    history.from = grid.date(0)
    history.to = grid.date(grid.bucketCount)
    history.bucketCount = grid.bucketCount
    let rows: [PostgresRow]
    do {
      // One session decides and reads: an external schema has no rollups, and its points give
      // the same buckets.
      rows = try await pool.withConnection(retry: true) { connection in
        let statement = try MetricHistoryStatements.buckets(
          query, grid: grid, minutes: await connection.origin == .taskdash)
        return try await connection.query(statement.sql, statement.parameters)
      }
    } catch StoreError.query(sqlState: "42501", _) where grid.wholeMinutes {
      // A role granted SELECT on the four tables only: the points give the same buckets.
      rows = try await self.rows(MetricHistoryStatements.buckets(query, grid: grid, minutes: false))
    }
    history.buckets = try rows.map { row in
      MetricBucket(
        index: try row.int(0), count: try row.int(1), min: try row.optionalDouble(2), max: try row.optionalDouble(3),
        last: try row.double(6), firstAt: try row.date(4), lastAt: try row.date(5))
    }
    return history
  }
}
