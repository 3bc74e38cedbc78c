import CSQLite
import TaskDashStore

/// Turns SQLite result codes into `StoreError`s.
///
/// Constraint and read-only failures carry the SQLSTATE PostgreSQL uses for the same failure,
/// so callers (and the shared conformance tests) can tell them apart without knowing the
/// backend. A file that cannot be opened is a refused login, with what to fix named by its
/// result code.
enum SQLiteErrorClassifier {
  /// The error for a failed call on `database` that returned `code` (extended codes included).
  static func error(code: Int32, database: OpaquePointer?) -> StoreError {
    let message =
      database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
      ?? String(cString: sqlite3_errstr(code))
    switch code & 0xff {
    case SQLITE_CANTOPEN, SQLITE_PERM:
      return .authentication(message, remedy: Remedy(action: "check the file's path and permissions"))
    case SQLITE_NOTADB:
      return .authentication(message, remedy: Remedy(action: "check that the path names a taskdash SQLite file"))
    case SQLITE_AUTH:
      // An authorizer refused; the code names nothing more specific to fix than the login.
      return .authentication(message)
    case SQLITE_BUSY, SQLITE_LOCKED:
      return .timedOut(message)
    case SQLITE_CONSTRAINT:
      return .query(sqlState: constraintState(code), message: message)
    case SQLITE_READONLY:
      return .query(sqlState: "25006", message: message)
    default:
      return .query(sqlState: nil, message: message)
    }
  }

  /// PostgreSQL's class 23 code for an extended SQLite constraint code.
  private static func constraintState(_ code: Int32) -> String {
    // The extended codes are macros Swift does not import; sqlite3.h defines each one as
    // SQLITE_CONSTRAINT with a sub-code in the second byte.
    switch code >> 8 {
    case 1: "23514"  // SQLITE_CONSTRAINT_CHECK
    case 3: "23503"  // SQLITE_CONSTRAINT_FOREIGNKEY
    case 5: "23502"  // SQLITE_CONSTRAINT_NOTNULL
    case 6, 8: "23505"  // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE
    case 12: "42804"  // SQLITE_CONSTRAINT_DATATYPE: a STRICT table refused a value's type
    default: "23000"
    }
  }
}
