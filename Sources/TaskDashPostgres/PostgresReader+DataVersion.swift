import TaskDashStore

extension PostgresReader: DataVersionReading {
  /// Where the server's write-ahead log stands (`ReadStatements.dataVersion`), on the reading
  /// session: a commit that wrote anything moves it, so while it stands still no read can
  /// answer differently. It moves for other databases of the cluster and for maintenance too,
  /// which only costs a read that finds nothing new.
  func dataVersion() async throws -> Int64? {
    try await pool.withConnection(retry: true) { connection in
      try await connection.query(ReadStatements.dataVersion.sql).first?.optionalInt64(0)
    }
  }
}
