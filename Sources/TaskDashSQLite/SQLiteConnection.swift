import Dispatch
import TaskDashStore

/// A `SQLiteDatabase` confined to its own serial dispatch queue.
///
/// sqlite3 calls block (disk I/O, busy waits of up to five seconds). Running them on the
/// cooperative pool, which has as many threads as cores, would stall every other task; the
/// queue gives each connection its own thread and awaits it through a checked continuation.
final class SQLiteConnection: @unchecked Sendable {
  // Safety: `database` is read and written only by blocks running on `queue`.
  private let queue: DispatchQueue
  private var database: SQLiteDatabase?

  private init(queue: DispatchQueue) {
    self.queue = queue
  }

  /// Opens `path` in `mode` on a new queue.
  static func open(path: String, mode: SQLiteDatabase.Mode) async throws -> SQLiteConnection {
    let connection = SQLiteConnection(queue: DispatchQueue(label: "taskdash.sqlite.connection"))
    try await connection.onQueue { connection.database = try SQLiteDatabase(path: path, mode: mode) }
    return connection
  }

  /// Runs `body` with the database on the connection's queue; throws `.closed` after `close()`.
  func perform<T: Sendable>(_ body: @escaping @Sendable (SQLiteDatabase) throws -> T) async throws -> T {
    try await onQueue {
      guard let database = self.database else { throw StoreError.closed }
      return try body(database)
    }
  }

  /// Closes the database after every block queued before this call.
  func close() async {
    try? await onQueue {
      self.database?.close()
      self.database = nil
    }
  }

  private func onQueue<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async {
        continuation.resume(with: Result(catching: body))
      }
    }
  }
}
