import TaskDashStore

extension SQLiteReader {
  /// Every row of `sql` with `parameters` bound, each decoded by `decode`.
  func rows<Row: Sendable>(
    _ sql: String, _ parameters: [String: SQLiteValue], _ decode: @escaping @Sendable (SQLiteStatement) -> Row
  ) async throws -> [Row] {
    try await connection.perform { database in
      try database.prepared(sql) { statement in
        try statement.bind(named: parameters)
        var rows: [Row] = []
        while try statement.step() {
          rows.append(decode(statement))
        }
        return rows
      }
    }
  }
}
