import CSQLite
import TaskDashStore

extension SQLiteReader: ExportReading {
  func export(_ request: ExportRequest, row: @escaping @Sendable ([String?]) -> Void) async throws -> Int {
    let filter = SQLiteFilterSQL(runs: request.filter)
    var conditions: [String] = []
    var values = filter.values
    let alias = SQLiteExportSQL.alias(request.kind)
    if let taskID = request.taskID {
      conditions.append("\(alias).task_id = :export_task")
      values[":export_task"] = ids.value(taskID)
    }
    if let since = request.since {
      conditions.append("\(SQLiteExportSQL.timeColumn(request.kind)) >= :export_since")
      values[":export_since"] = .date(since)
    }
    if !filter.conditions.isEmpty {
      switch request.kind {
      case .runs: conditions += filter.conditions
      case .metrics, .artifacts:
        conditions.append("\(alias).task_run_id IN (\(SQLiteExportSQL.runIDs(filter.conditions)))")
      }
    }
    let sql = SQLiteExportSQL.statement(request.kind, conditions: conditions)
    let parameters = values
    return try await connection.perform { database in
      try database.prepared(sql) { statement in
        try statement.bind(named: parameters)
        var count = 0
        let columns = statement.columnCount
        while try statement.step() {
          row((0..<columns).map { Self.exportText(statement, $0) })
          count += 1
        }
        return count
      }
    }
  }

  /// A column's value as export text: integers in decimal, reals as `JSONText.number` writes
  /// them (as PostgreSQL does), text as stored.
  static func exportText(_ statement: SQLiteStatement, _ column: Int32) -> String? {
    switch statement.columnType(column) {
    case SQLITE_NULL: return nil
    case SQLITE_INTEGER: return statement.int64(column).map(String.init)
    case SQLITE_FLOAT:
      return statement.double(column).map(JSONText.number)
    default: return statement.text(column)
    }
  }
}
