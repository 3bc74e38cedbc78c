import TaskDashStore

extension PostgresReader: ExportReading {
  func export(_ request: ExportRequest, row: @escaping @Sendable ([String?]) -> Void) async throws -> Int {
    let statement = ExportStatements.statement(request)
    return try await pool.withConnection(retry: false) { connection in
      try await connection.stream(statement.sql, statement.parameters, row: row)
    }
  }
}
