import TaskDashStore

/// The write side on a SQLite file: one connection in WAL mode, one transaction at a time.
final class SQLiteWriter: DashboardWriting {
  let connection: SQLiteConnection
  private let gate = TransactionGate()

  init(connection: SQLiteConnection) {
    self.connection = connection
  }

  /// Runs `body` between BEGIN IMMEDIATE and COMMIT.
  ///
  /// BEGIN IMMEDIATE takes the database's write lock at once (waiting up to the busy timeout),
  /// so a transaction never fails half-way because another writer got there first. Calling
  /// `transaction` again from inside `body` on the same writer waits forever: it queues behind
  /// the transaction it is part of.
  func transaction<T: Sendable>(_ body: @Sendable (any WriteTransaction) async throws -> T) async throws -> T {
    let token = await gate.enter()
    do {
      try await connection.perform { database in
        try database.execute("BEGIN IMMEDIATE")
        database.activeTransaction = token
      }
    } catch {
      await gate.leave()
      throw error
    }
    let result: T
    do {
      result = try await body(SQLiteWriteTransaction(connection: connection, token: token))
      try await connection.perform { database in
        database.activeTransaction = nil
        try database.execute("COMMIT")
      }
    } catch {
      try? await connection.perform { database in
        database.activeTransaction = nil
        try database.execute("ROLLBACK")
      }
      await gate.leave()
      throw error
    }
    await gate.leave()
    return result
  }

  func close() async {
    await connection.close()
  }
}
