import CSQLite
import TaskDashStore

/// `taskdash_error_pattern(text)`: `ErrorPattern.fold` as an SQL function, so that SQLite,
/// which has no `regexp_replace`, folds and groups failures in the database with the very
/// function that specifies the folding.
///
/// Deterministic, so SQLite may compute it once per row and value. NULL folds like an empty
/// message; text that is not valid UTF-8 (SQLite stores any bytes) is repaired first, as the
/// reader repairs every text it reads.
enum SQLiteErrorPatternFunction {
  static let name = "taskdash_error_pattern"

  /// Registers the function on `database`; SQLite keeps it for the connection's lifetime.
  static func register(on database: OpaquePointer) -> Int32 {
    sqlite3_create_function_v2(
      database, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
      { context, count, arguments in
        guard let context else { return }
        var message = ""
        if count == 1, let argument = arguments?[0], sqlite3_value_type(argument) != SQLITE_NULL,
          let text = sqlite3_value_text(argument)
        {
          let length = Int(sqlite3_value_bytes(argument))
          message = String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
        }
        let pattern = ErrorPattern.fold(message)
        // The length, not the terminator, ends the text (a NUL inside stays), and an empty
        // pattern still has a pointer, so it is '' and not NULL.
        pattern.withCString { text in
          sqlite3_result_text(context, text, Int32(pattern.utf8.count), taskdash_sqlite_transient())
        }
      }, nil, nil, nil)
  }
}
