import Foundation
import TaskDashModel
import TaskDashStore

extension SQLiteReader {
  /// The schema keeps timestamps to the millisecond.
  static let ticksPerSecond: Int64 = 1_000

  func metricHistory(_ query: MetricHistoryQuery) async throws -> MetricHistory {
    let column: SQLiteReaderSQL.ScopeColumn
    let scopeID: UUID
    switch query.scope {
    case .all:
      throw StoreError.query(sqlState: nil, message: "a metric's history is read per run or per task, not for all")
    case .task(let id):
      (column, scopeID) = (.task, id)
    case .run(let id):
      (column, scopeID) = (.run, id)
    }
    let scope: [String: SQLiteValue] = [":scope": ids.value(scopeID), ":name": .text(query.name)]
    return try await connection.perform { database in
      try database.readTransaction {
        var history = MetricHistory(name: query.name)
        if column == .run {
          history.previousRunID = try database.prepared(SQLiteMetricHistorySQL.previousRun) { statement in
            try statement.bind(named: [":run": ids.value(scopeID)])
            return try statement.step() ? statement.uuid(0) : nil
          }
        }
        let head = try database.prepared(SQLiteMetricHistorySQL.head(column)) { statement in
          try statement.bind(named: scope)
          guard try statement.step(), let last = statement.date(2), let first = statement.date(3) else {
            return nil as (type: String, unit: String?, first: Date, last: Date)?
          }
          return (statement.text(0) ?? "", statement.text(1), first, last)
        }
        guard let head else { return history }
        history.metricType = Lenient(rawValue: head.type)
        history.unit = head.unit
        history.first = head.first
        history.last = head.last
        guard let grid = BucketGrid(query, first: head.first, last: head.last, ticksPerSecond: Self.ticksPerSecond)
        else { return history }
        history.from = grid.date(0)
        history.to = grid.date(grid.bucketCount)
        history.bucketCount = grid.bucketCount
        for index in 0..<grid.bucketCount {
          var range = scope
          range[":low"] = .date(grid.date(index))
          range[":high"] = .date(grid.date(index + 1))
          // An external schema has no rollups: its points give the same buckets.
          let minutes = grid.wholeMinutes && origin == .taskdash
          if let bucket = try Self.bucket(index, range, column, minutes: minutes, database) {
            history.buckets.append(bucket)
          }
        }
        return history
      }
    }
  }

  /// One bucket's aggregate and newest point, or nil when it holds no points. A bucket of whole
  /// `minutes` is summed from the minute rollups unless one of them is stale.
  private static func bucket(
    _ index: Int, _ range: [String: SQLiteValue], _ column: SQLiteReaderSQL.ScopeColumn, minutes: Bool,
    _ database: SQLiteDatabase
  ) throws -> MetricBucket? {
    let newest = try database.prepared(SQLiteMetricHistorySQL.newest(column)) { statement in
      try statement.bind(named: range)
      return try statement.step() ? (value: statement.double(0) ?? .nan, at: statement.date(1)) : nil
    }
    guard let newest else { return nil }
    // `summed`: the statement's fifth column counts stale minutes, and any makes it no answer.
    func aggregate(_ sql: String, summed: Bool) throws -> MetricBucket? {
      try database.prepared(sql) { statement in
        try statement.bind(named: range)
        guard try statement.step(), !summed || statement.int(4) == 0 else { return nil }
        return MetricBucket(
          index: index, count: statement.int(0) ?? 0, min: statement.double(1), max: statement.double(2),
          last: newest.value, firstAt: statement.date(3) ?? placeholderDate, lastAt: newest.at ?? placeholderDate)
      }
    }
    if minutes, let bucket = try aggregate(SQLiteMetricHistorySQL.minutes(column), summed: true) { return bucket }
    return try aggregate(SQLiteMetricHistorySQL.bucket(column), summed: false)
  }
}
