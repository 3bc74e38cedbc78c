import TaskDashStore

/// The seeder's and simulator's writes, over one connection, one transaction at a time.
///
/// Transactions queue for the connection; a connection lost between transactions is replaced
/// before the next one begins.
final class PostgresWriter: DashboardWriting {
  private let pool: ConnectionPool

  init(conninfo: String, settings: ConnectionSettings = .writer) {
    pool = ConnectionPool(conninfo: conninfo, settings: settings, capacity: 1)
  }

  /// Opens the connection now, so a bad target fails at once.
  func connect() async throws {
    try await pool.connectNow()
  }

  func transaction<T: Sendable>(
    _ body: @Sendable (any WriteTransaction) async throws -> T
  ) async throws -> T {
    let (connection, token) = try await begin()
    do {
      let value = try await body(PostgresWriteTransaction(connection: connection, token: token))
      try await connection.commit(token)
      await pool.release(connection)
      return value
    } catch {
      await connection.rollback(token)
      await pool.release(connection)
      throw error
    }
  }

  /// Takes the connection (the pool holds one, so transactions queue here) and begins.
  ///
  /// Only BEGIN is retried, on a fresh connection when the held one was lost while idle:
  /// nothing of the body has run at that point.
  private func begin() async throws -> (PostgresConnection, UInt64) {
    while true {
      let (connection, reused) = try await pool.acquire()
      do {
        return (connection, try await connection.begin())
      } catch {
        let broken = await connection.isBroken
        await pool.release(connection)
        if reused, broken, case .connection = error as? StoreError {
          continue
        }
        throw error
      }
    }
  }

  func close() async {
    await pool.close()
  }
}
