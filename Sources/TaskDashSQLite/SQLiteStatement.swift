import CSQLite
import Foundation
import TaskDashStore

/// A prepared statement, used only on its connection's queue while its database lends it out.
struct SQLiteStatement {
  let handle: OpaquePointer
  let database: OpaquePointer

  // MARK: - Binding

  /// Binds values to the parameters `?1`, `?2`, … in order.
  func bind(_ values: [SQLiteValue]) throws {
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
  }

  /// Binds values to named parameters (`:name`); every name must occur in the statement.
  func bind(named values: [String: SQLiteValue]) throws {
    for (name, value) in values {
      let index = sqlite3_bind_parameter_index(handle, name)
      guard index > 0 else {
        throw StoreError.query(sqlState: nil, message: "statement has no parameter \(name)")
      }
      try bind(value, at: index)
    }
  }

  /// Binds one value to the 1-based parameter `index`.
  func bind(_ value: SQLiteValue, at index: Int32) throws {
    let code: Int32
    switch value {
    case .null:
      code = sqlite3_bind_null(handle, index)
    case .integer(let integer):
      code = sqlite3_bind_int64(handle, index, integer)
    case .real(let real):
      code = sqlite3_bind_double(handle, index, real)
    case .text(var text):
      // An explicit byte count keeps embedded NULs; an empty buffer may have no base address,
      // which SQLite would bind as NULL, so the empty string gets a real pointer.
      code = text.withUTF8 { bytes in
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
          return sqlite3_bind_text(handle, index, "", 0, taskdash_sqlite_transient())
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
          sqlite3_bind_text64(
            handle, index, pointer, sqlite3_uint64(bytes.count), taskdash_sqlite_transient(),
            UInt8(SQLITE_UTF8))
        }
      }
    }
    guard code == SQLITE_OK else { throw SQLiteErrorClassifier.error(code: code, database: database) }
  }

  // MARK: - Stepping

  /// Advances to the next row: true when a row is available, false when the statement is done.
  func step() throws -> Bool {
    switch sqlite3_step(handle) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    case let code: throw SQLiteErrorClassifier.error(code: code, database: database)
    }
  }

  /// Runs a statement that returns no rows of interest.
  func run() throws {
    while try step() {}
  }

  /// Makes the statement ready to run again (bindings stay until rebound).
  func reset() {
    sqlite3_reset(handle)
  }

  // MARK: - Columns (0-based)

  /// How many columns a row of this statement has.
  var columnCount: Int32 { sqlite3_column_count(handle) }
  /// The column's storage class (SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB).
  func columnType(_ column: Int32) -> Int32 { sqlite3_column_type(handle, column) }
  /// Whether the column holds NULL.
  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

  /// The column as text; invalid UTF-8 is repaired with U+FFFD rather than refused.
  func text(_ column: Int32) -> String? {
    guard let bytes = sqlite3_column_text(handle, column) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  /// The column as an integer, or nil for NULL.
  func int64(_ column: Int32) -> Int64? { isNull(column) ? nil : sqlite3_column_int64(handle, column) }

  /// The column as an integer, or nil for NULL.
  func int(_ column: Int32) -> Int? { int64(column).map { Int(truncatingIfNeeded: $0) } }

  /// The column as a double, or nil for NULL.
  func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

  /// The column parsed as a timestamp, or nil for NULL or text that is not one.
  func date(_ column: Int32) -> Date? { text(column).flatMap(SQLiteTimestamp.parse) }

  /// The column parsed as a uuid (dashed, or 32 hex digits), or nil for NULL or text that is
  /// not one.
  func uuid(_ column: Int32) -> UUID? { text(column).flatMap(SQLiteUUIDForm.parse) }
}
