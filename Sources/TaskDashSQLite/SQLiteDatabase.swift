import CSQLite
import Foundation
import TaskDashStore

/// One open sqlite3 connection with its prepared-statement cache.
///
/// Not thread-safe by design: `SQLiteConnection` confines it to one serial queue, which is why
/// the connection is opened with SQLITE_OPEN_NOMUTEX.
final class SQLiteDatabase {
  /// How a connection opens its file.
  enum Mode: Equatable, Sendable {
    /// SQLITE_OPEN_READONLY plus `PRAGMA query_only`: the dashboard's session.
    case readOnly
    /// Read-write in WAL mode: writers and the migration driver. Only `migrate up` creates a
    /// missing file (and its directories): any other command would leave an empty database
    /// behind a refusal.
    case readWrite(creating: Bool)
  }

  /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
  ///
  /// SQLite's busy handler is not fair: under load a writer alternating with the simulator
  /// or a second seed can lose the lock for several seconds in a row, so the wait is long.
  static let busyTimeoutMilliseconds: Int32 = 30_000

  private var handle: OpaquePointer?
  private var statements: [String: OpaquePointer] = [:]
  /// The writer's open transaction, so that a transaction value used after its end is refused.
  var activeTransaction: UInt64?

  /// Opens `path`; unless the mode creates, a missing file fails instead of becoming an empty
  /// database.
  init(path: String, mode: Mode) throws {
    let flags: Int32
    switch mode {
    case .readOnly, .readWrite(creating: false):
      guard FileManager.default.fileExists(atPath: path) else {
        throw StoreError.schema("no database at \(path); run taskdash migrate up")
      }
      let access = mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
      flags = access | SQLITE_OPEN_NOMUTEX
    case .readWrite(creating: true):
      let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      } catch {
        throw StoreError.authentication("cannot create the directory for \(path): \(error.localizedDescription)")
      }
      flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    }
    var opened: OpaquePointer?
    let code = sqlite3_open_v2(path, &opened, flags, nil)
    guard code == SQLITE_OK, let opened else {
      let error = SQLiteErrorClassifier.error(code: code, database: opened)
      sqlite3_close_v2(opened)
      throw error
    }
    handle = opened
    do {
      sqlite3_extended_result_codes(opened, 1)
      sqlite3_busy_timeout(opened, Self.busyTimeoutMilliseconds)
      // Every connection can fold error patterns: the reader's triage statements need it, and
      // so does anything that prepares them (the plan tests, on a read-write connection).
      let registered = SQLiteErrorPatternFunction.register(on: opened)
      guard registered == SQLITE_OK else { throw SQLiteErrorClassifier.error(code: registered, database: opened) }
      try execute("PRAGMA foreign_keys = ON")
      switch mode {
      case .readOnly:
        try execute("PRAGMA query_only = 1")
        // No memory map, although a window deep inside a large content walks the value's
        // chain of overflow pages from its start, and through a map that walk is pointer hops
        // instead of one read() per page (0.1 ms instead of 10 ms at offset 20 MB): every
        // mapped page read counts in the process's resident memory, so searching a 100 MB
        // artifact left the dashboard 140 MB resident. Searches read large pieces, so the walk
        // is paid once per 4 MB, not once per 64 KiB window.
        try execute("PRAGMA mmap_size = 0")
        // Reading the schema now turns "not a database" into an error at open, not at the
        // first poll.
        try execute("SELECT count(*) FROM sqlite_schema")
      case .readWrite:
        try enableWAL()
        try execute("PRAGMA synchronous = NORMAL")
        // Bulk inserts touch several indexes per row; with the default 2 MB cache a seed of a
        // few hundred thousand runs spends most of its time spilling pages. Allocated on demand.
        try execute("PRAGMA cache_size = -65536")
        // Each single-row INSERT whose triggers write other rows keeps a statement journal of
        // the pages it changes; on disk that was one pwrite per page per row and half of a bulk
        // insert's time.
        try execute("PRAGMA temp_store = MEMORY")
      }
    } catch {
      close()
      throw error
    }
  }

  deinit { close() }

  /// Finalizes every cached statement and closes the connection; later calls throw `.closed`.
  func close() {
    for statement in statements.values {
      sqlite3_finalize(statement)
    }
    statements.removeAll()
    if let handle {
      sqlite3_close_v2(handle)
    }
    handle = nil
  }

  // MARK: - Statements

  /// Runs SQL that may hold several statements (a migration file), discarding any rows.
  func execute(_ sql: String) throws {
    let database = try openHandle()
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(database, sql, nil, nil, &message)
    defer { sqlite3_free(message) }
    guard code == SQLITE_OK else {
      throw SQLiteErrorClassifier.error(code: code, database: database)
    }
  }

  /// Lends the cached prepared statement for `sql` to `body`, preparing it on first use and
  /// resetting it (bindings included) afterwards.
  func prepared<T>(_ sql: String, _ body: (SQLiteStatement) throws -> T) throws -> T {
    let database = try openHandle()
    let handle: OpaquePointer
    if let cached = statements[sql] {
      handle = cached
    } else {
      var statement: OpaquePointer?
      let code = sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
      guard code == SQLITE_OK, let statement else {
        throw SQLiteErrorClassifier.error(code: code, database: database)
      }
      statements[sql] = statement
      handle = statement
    }
    defer {
      sqlite3_reset(handle)
      sqlite3_clear_bindings(handle)
    }
    return try body(SQLiteStatement(handle: handle, database: database))
  }

  /// Runs `body` in one deferred transaction so that several reads see one snapshot.
  func readTransaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }

  // MARK: - Incremental blob I/O

  /// Byte length of a text or blob value, read from its record header without loading it.
  func valueLength(table: String, column: String, rowID: Int64) throws -> Int {
    try withBlob(table: table, column: column, rowID: rowID) { Int(sqlite3_blob_bytes($0)) }
  }

  /// Up to `length` bytes of a text or blob value from byte `offset`; empty past the end.
  func readValue(table: String, column: String, rowID: Int64, offset: Int64, length: Int) throws -> [UInt8] {
    try withBlob(table: table, column: column, rowID: rowID) { blob in
      let total = Int64(sqlite3_blob_bytes(blob))
      let start = offset
      guard length > 0, start >= 0, start < total else { return [] }
      let count = Int(min(Int64(length), total - start))
      var bytes = [UInt8](repeating: 0, count: count)
      let code = bytes.withUnsafeMutableBytes { buffer in
        sqlite3_blob_read(blob, buffer.baseAddress, Int32(count), Int32(start))
      }
      guard code == SQLITE_OK else { throw SQLiteErrorClassifier.error(code: code, database: handle) }
      return bytes
    }
  }

  private func withBlob<T>(table: String, column: String, rowID: Int64, _ body: (OpaquePointer) throws -> T) throws -> T
  {
    let database = try openHandle()
    var blob: OpaquePointer?
    let code = sqlite3_blob_open(database, "main", table, column, rowID, 0, &blob)
    guard code == SQLITE_OK, let blob else {
      sqlite3_blob_close(blob)
      throw SQLiteErrorClassifier.error(code: code, database: database)
    }
    defer { sqlite3_blob_close(blob) }
    return try body(blob)
  }

  /// Switches the file to WAL, retrying for up to two seconds.
  ///
  /// The switch needs the file to itself for a moment, and SQLite answers BUSY at once,
  /// without its busy handler, while another connection is opening the same new file: two
  /// `migrate up` started together on a blank file failed with "database is locked".
  private func enableWAL() throws {
    var attempts = 0
    while true {
      do {
        try execute("PRAGMA journal_mode = WAL")
        return
      } catch StoreError.timedOut where attempts < 100 {
        attempts += 1
        usleep(20_000)
      }
    }
  }

  private func openHandle() throws -> OpaquePointer {
    guard let handle else { throw StoreError.closed }
    return handle
  }
}
