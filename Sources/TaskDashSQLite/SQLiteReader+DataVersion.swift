import TaskDashStore

extension SQLiteReader: DataVersionReading {
  /// `PRAGMA data_version` on the reader's own connection: it changes when another connection
  /// (the agent system, the simulator) committed, and costs microseconds.
  func dataVersion() async throws -> Int64? {
    try await connection.perform { database in
      try database.prepared("PRAGMA data_version") { statement in try statement.step() ? statement.int64(0) : nil }
    }
  }
}
