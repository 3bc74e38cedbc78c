import CSQLite
import TaskDashStore

/// Turns SQLite result codes into `StoreError`s.
enum SQLiteErrorClassifier {
  /// The error for a failed call on `db` that returned `code`.
  static func error(code: Int32, database: OpaquePointer?) -> StoreError {
    let message = database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
    switch code & 0xff {
    case SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_PERM, SQLITE_AUTH:
      return .authentication(message)
    case SQLITE_BUSY, SQLITE_LOCKED:
      return .timedOut(message)
    default:
      return .query(sqlState: nil, message: message)
    }
  }
}
