import CLibPQ
import Foundation
import TaskDashModel
import TaskDashStore

/// One libpq connection whose every call runs on its own thread.
///
/// The actor's executor is a dedicated thread, so the blocking libpq calls in its methods never
/// occupy the cooperative pool. Statements wait for the server with `poll` on the socket, up to
/// the settings' deadline; past it the statement is cancelled and the connection dropped, so a
/// stopped server costs one deadline, not a hang.
actor PostgresConnection {
  nonisolated let unownedExecutor: UnownedSerialExecutor
  private let thread: ConnectionThread
  private let settings: ConnectionSettings
  private var handle: ConnectionHandle?
  /// The token of the open transaction; statements carrying another token are refused.
  private var transactionToken: UInt64?
  private var lastToken: UInt64 = 0
  /// Whether the connection was lost (socket failure or deadline) rather than closed.
  private(set) var isBroken = false
  /// Takes notifications between statements, once `listen` ran.
  private var listener: NotificationListener?
  /// The statement texts prepared in this session, when the settings prepare them.
  private var prepared = PreparedStatements(capacity: 256)
  /// The schema version this session read, once it has: the health probe asks it once per
  /// session rather than every second (a reconnect is a new session and asks again).
  private(set) var schemaVersion: SessionValue<Int?> = .unknown
  /// Whose schema this session reads, as the reader found it when the session opened.
  private(set) var origin: SchemaOrigin = .taskdash

  /// Bytes of COPY data handed to libpq at a time.
  private static let copyChunkSize = 1 << 20

  private init(thread: ConnectionThread, settings: ConnectionSettings) {
    self.thread = thread
    self.unownedExecutor = thread.asUnownedSerialExecutor()
    self.settings = settings
  }

  deinit {
    // No job can be queued any more: the thread drains and ends.
    thread.stop()
  }

  /// Opens a connection and prepares its session.
  ///
  /// Our defaults (timeouts, keepalives, application name) come before the caller's string, so
  /// anything the string sets wins; failures never quote the string or its password.
  static func connect(conninfo: String, settings: ConnectionSettings) async throws -> PostgresConnection {
    let connection = PostgresConnection(thread: ConnectionThread(name: settings.threadName), settings: settings)
    try await connection.open(conninfo: conninfo)
    return connection
  }

  private func open(conninfo: String) throws {
    let secrets = try Self.passwords(in: conninfo) + [conninfo]
    let keywords = CStringArray(
      [
        "connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
        "application_name", "dbname",
      ], nullTerminated: true)
    let values = CStringArray(
      ["\(settings.connectTimeoutSeconds)", "1", "30", "10", "3", "taskdash", conninfo], nullTerminated: true)
    let opened = withExtendedLifetime((keywords, values)) {
      PQconnectdbParams(keywords.pointers, values.pointers, 1)
    }
    guard let opened else { throw StoreError.connection("libpq could not allocate a connection") }
    let candidate = ConnectionHandle(opened)
    guard PQstatus(opened) == CONNECTION_OK else {
      throw PostgresErrorClassifier.connectionFailure(Self.errorMessage(opened), secrets: secrets)
    }
    // Server notices (DROP ... IF EXISTS, and so on) must never reach a terminal.
    PQsetNoticeProcessor(opened, { _, _ in }, nil)
    guard PQsetClientEncoding(opened, "UTF8") == 0 else {
      throw StoreError.connection("the server refused the UTF8 client encoding")
    }
    handle = candidate
    try execute(settings.startupSQL)
    if settings.refusesStandby { try refuseStandby() }
  }

  /// The password values a connection string carries, to cut out of error messages.
  private static func passwords(in conninfo: String) throws -> [String] {
    var errorPointer: UnsafeMutablePointer<CChar>?
    guard let options = PQconninfoParse(conninfo, &errorPointer) else {
      let message = errorPointer.map { String(cString: $0) } ?? "out of memory"
      PQfreemem(errorPointer)
      throw PostgresErrorClassifier.unparsableConninfo(message)
    }
    defer { PQconninfoFree(options) }
    var passwords: [String] = []
    var option = options
    while let keyword = option.pointee.keyword {
      if String(cString: keyword) == "password", let value = option.pointee.val {
        passwords.append(String(cString: value))
      }
      option += 1
    }
    return passwords
  }

  /// Keeps whose schema this session reads.
  func remember(origin: SchemaOrigin) {
    self.origin = origin
  }

  /// Keeps the schema version this session read.
  func remember(schemaVersion version: Int?) {
    schemaVersion = .known(version)
  }

  // MARK: - Statements

  /// Runs one parameterised statement (text parameters and results) and returns its rows.
  func query(_ sql: String, _ parameters: [String?] = [], transaction token: UInt64? = nil) throws
    -> [PostgresRow]
  {
    try checkTransaction(token)
    return try preparingAgainIfStale(sql) {
      let (connection, deadline) = try send(sql, parameters, binaryResult: false)
      return try collectResults(connection, until: deadline, rows: Self.rows(of:)).rows ?? []
    }
  }

  /// Runs one parameterised statement and hands each row's values to `row` as it arrives;
  /// returns how many rows there were. libpq's single-row mode: memory holds one row whatever
  /// the result's size.
  func stream(_ sql: String, _ parameters: [String?], row: @Sendable ([String?]) -> Void) throws -> Int {
    let (connection, deadline) = try send(sql, parameters, binaryResult: false)
    // Refused only when no query is pending, which the send above rules out.
    _ = PQsetSingleRowMode(connection)
    var count = 0
    _ = try collectResults(connection, until: deadline) { result in
      for values in Self.rows(of: result) {
        count += 1
        row(values.values)
      }
    }
    return count
  }

  /// Runs one parameterised statement with its result in binary format and returns the first
  /// column of its first row as raw bytes (nil when there is no row or the value is NULL).
  ///
  /// For bytea values: text format would double them into hex, and every copy of a 4 MB
  /// content window (libpq's buffer, its result, a String, its parse) would then be 8 MB.
  func queryFirstBytes(_ sql: String, _ parameters: [String?] = []) throws -> [UInt8]? {
    try preparingAgainIfStale(sql) {
      let (connection, deadline) = try send(sql, parameters, binaryResult: true)
      return try collectResults(connection, until: deadline, rows: Self.firstBytes(of:)).rows.flatMap { $0 }
    }
  }

  /// Runs `body` once more, with `sql` prepared anew, when the server refused its prepared
  /// form because a table it reads changed its row type (a migration): `0A000`, "cached plan
  /// must not change result type".
  private func preparingAgainIfStale<T>(_ sql: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch StoreError.query(let sqlState, _) where sqlState == "0A000" && prepared.name(of: sql) != nil {
      try deallocate(prepared.remove(sql))
      return try body()
    }
  }

  /// Runs a script of one or more statements through the simple protocol (migration files).
  func execute(_ script: String, transaction token: UInt64? = nil) throws {
    _ = try executeReturningTag(script, transaction: token)
  }

  private func executeReturningTag(_ script: String, transaction token: UInt64? = nil) throws -> String {
    try checkTransaction(token)
    let connection = try livePointer()
    if script.utf8.contains(0) {
      throw PostgresErrorClassifier.nulCharacter
    }
    let deadline = statementDeadline()
    guard PQsendQuery(connection, script) == 1 else { throw lostConnection(connection) }
    return try collectResults(connection, until: deadline, rows: { _ in }).lastTag
  }

  // MARK: - Transactions

  /// Starts a transaction and returns the token its statements must carry.
  func begin() throws -> UInt64 {
    guard transactionToken == nil else {
      throw StoreError.query(sqlState: "25001", message: "a transaction is already open on this connection")
    }
    try execute("BEGIN")
    lastToken += 1
    transactionToken = lastToken
    return lastToken
  }

  /// Commits; a transaction the server had already aborted reports as a failure, not a commit.
  func commit(_ token: UInt64) throws {
    try checkTransaction(token)
    transactionToken = nil
    let tag = try executeReturningTag("COMMIT")
    if tag == "ROLLBACK" {
      throw StoreError.query(
        sqlState: "25P02", message: "the transaction was rolled back because a statement in it failed")
    }
  }

  /// Rolls back; a lost connection has rolled back already, so failures are ignored.
  func rollback(_ token: UInt64) {
    guard transactionToken == token else { return }
    transactionToken = nil
    _ = try? executeReturningTag("ROLLBACK")
  }

  private func checkTransaction(_ token: UInt64?) throws {
    if let token, token != transactionToken {
      throw StoreError.query(sqlState: "25000", message: "the transaction has already ended")
    }
  }

  // MARK: - COPY

  /// Streams rows into `COPY ... FROM STDIN` (text format), encoding them in chunks.
  ///
  /// An encoding failure ends the copy with an error, so the server keeps none of the rows.
  func copy<Row: Sendable>(
    _ sql: String, rows: [Row], transaction token: UInt64? = nil,
    encode: @Sendable (Row, inout CopyTextBuffer) throws -> Void
  ) throws {
    try checkTransaction(token)
    let connection = try livePointer()
    let deadline = statementDeadline()
    guard PQsendQuery(connection, sql) == 1 else { throw lostConnection(connection) }
    try awaitReadiness(connection, until: deadline)
    guard let started = PQgetResult(connection) else { throw lostConnection(connection) }
    guard PQresultStatus(started) == PGRES_COPY_IN else {
      let failure = Self.failure(of: started)
      PQclear(started)
      _ = try? collectResults(connection, until: deadline, rows: { _ in })
      throw failure
    }
    PQclear(started)
    var encodingFailure: Error?
    do {
      var buffer = CopyTextBuffer(reservingCapacity: Self.copyChunkSize + (64 << 10))
      for row in rows {
        try encode(row, &buffer)
        buffer.endRow()
        if buffer.count >= Self.copyChunkSize {
          try send(buffer, over: connection)
          buffer.removeAll()
        }
      }
      if buffer.count > 0 {
        try send(buffer, over: connection)
      }
    } catch {
      encodingFailure = error
    }
    guard PQputCopyEnd(connection, encodingFailure == nil ? nil : "the client abandoned the copy") == 1 else {
      throw lostConnection(connection)
    }
    if let encodingFailure {
      _ = try? collectResults(connection, until: deadline, rows: { _ in })
      throw encodingFailure
    }
    _ = try collectResults(connection, until: deadline, rows: { _ in })
  }

  private func send(_ buffer: CopyTextBuffer, over connection: OpaquePointer) throws {
    let status = buffer.bytes.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        PQputCopyData(connection, chars.baseAddress, Int32(chars.count))
      }
    }
    guard status == 1 else { throw lostConnection(connection) }
  }

  // MARK: - Listening

  /// LISTENs on the push triggers' channel and, from now on, reports notifications on `push`
  /// between statements (the thread waits on the socket while idle); sends `listening`.
  ///
  /// Returns false and listens to nothing on a server in recovery: a standby receives no
  /// notifications, so a dashboard reading one polls.
  func listen(reporting push: PushChannel) throws -> Bool {
    guard try query("SELECT pg_is_in_recovery()").first?.bool(0) == false, let handle else { return false }
    try execute("LISTEN \(NotificationListener.channel)")
    let listener = NotificationListener(handle: handle, push: push)
    self.listener = listener
    thread.watchWhileIdle(listener)
    push.send(.listening)
    return true
  }

  /// Stops taking notifications; the listener says `lost` once, if it has not already.
  private func stopListening() {
    guard let listener else { return }
    self.listener = nil
    thread.watchWhileIdle(nil)
    listener.detach()
  }

  // MARK: - Lifetime

  /// Finishes the connection; later statements throw `StoreError.closed`.
  func close() {
    stopListening()
    handle = nil
    transactionToken = nil
  }

  /// The host and port libpq connected to: with a multi-host target the one it chose, for a
  /// unix socket the socket directory. Local to libpq: no round trip.
  func address() throws -> (host: String, port: String) {
    let connection = try livePointer()
    return (PQhost(connection).map { String(cString: $0) } ?? "", PQport(connection).map { String(cString: $0) } ?? "")
  }

  /// Sends one parameterised statement; returns the connection to collect its results from and
  /// the deadline they must arrive by.
  private func send(_ sql: String, _ parameters: [String?], binaryResult: Bool) throws
    -> (OpaquePointer, ContinuousClock.Instant?)
  {
    let connection = try livePointer()
    if parameters.contains(where: { $0?.utf8.contains(0) ?? false }) {
      throw PostgresErrorClassifier.nulCharacter
    }
    let name = settings.preparesStatements ? try preparedName(sql, parameterCount: parameters.count) : nil
    let deadline = statementDeadline()
    let cParameters = CStringArray(parameters)
    let sent = withExtendedLifetime(cParameters) {
      if let name {
        PQsendQueryPrepared(
          connection, name, Int32(parameters.count), cParameters.pointers, nil, nil, binaryResult ? 1 : 0)
      } else {
        PQsendQueryParams(
          connection, sql, Int32(parameters.count), nil, cParameters.pointers, nil, nil, binaryResult ? 1 : 0)
      }
    }
    guard sent == 1 else { throw lostConnection(connection) }
    return (connection, deadline)
  }

  /// The name `sql` is prepared under in this session, preparing it first if it is new (and
  /// deallocating the oldest when the session holds as many as it keeps). A text the server
  /// refuses to prepare is not remembered; its error is the statement's.
  private func preparedName(_ sql: String, parameterCount: Int) throws -> String {
    if let name = prepared.name(of: sql) { return name }
    let connection = try livePointer()
    let (name, evicting) = prepared.nextName()
    try deallocate(evicting)
    let deadline = statementDeadline()
    guard PQsendPrepare(connection, name, sql, Int32(parameterCount), nil) == 1 else {
      throw lostConnection(connection)
    }
    _ = try collectResults(connection, until: deadline, rows: { _ in })
    prepared.record(sql, as: name, evicted: evicting)
    return name
  }

  /// Deallocates a prepared statement of this session; names are ours, never quoted text.
  private func deallocate(_ name: String?) throws {
    guard let name else { return }
    let connection = try livePointer()
    let deadline = statementDeadline()
    guard PQsendQuery(connection, "DEALLOCATE \(name)") == 1 else { throw lostConnection(connection) }
    _ = try collectResults(connection, until: deadline, rows: { _ in })
  }

  private func livePointer() throws -> OpaquePointer {
    guard let handle else {
      throw isBroken ? StoreError.connection("the connection to the server was lost") : StoreError.closed
    }
    return handle.pointer
  }

  private func dropConnection() {
    stopListening()
    handle = nil
    transactionToken = nil
    isBroken = true
  }

  // MARK: - Waiting and results

  private func statementDeadline() -> ContinuousClock.Instant? {
    settings.deadline.map { ContinuousClock.now.advanced(by: $0) }
  }

  /// Waits until libpq can hand out a result without blocking, or the deadline passes.
  private func awaitReadiness(_ connection: OpaquePointer, until deadline: ContinuousClock.Instant?) throws {
    while PQisBusy(connection) == 1 {
      let socket = PQsocket(connection)
      guard socket >= 0 else { throw lostConnection(connection) }
      var timeoutMilliseconds: Int32 = -1
      if let deadline {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { throw overranDeadline(connection) }
        let (seconds, attoseconds) = remaining.components
        timeoutMilliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
      }
      var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, timeoutMilliseconds)
      if ready < 0 && errno != EINTR {
        dropConnection()
        throw StoreError.connection("waiting for the server failed")
      }
      if ready > 0 && PQconsumeInput(connection) == 0 {
        throw lostConnection(connection)
      }
    }
  }

  /// Reads every result of the statement just sent: rows of the last one that has rows (as
  /// `extract` takes them out), the command tag of the last one, and the first error.
  private func collectResults<Rows>(
    _ connection: OpaquePointer, until deadline: ContinuousClock.Instant?, rows extract: (OpaquePointer) -> Rows
  ) throws -> (rows: Rows?, lastTag: String) {
    var rows: Rows?
    var lastTag = ""
    var failure: StoreError?
    while true {
      try awaitReadiness(connection, until: deadline)
      guard let result = PQgetResult(connection) else { break }
      defer { PQclear(result) }
      switch PQresultStatus(result) {
      case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
        rows = extract(result)
        lastTag = String(cString: PQcmdStatus(result))
      case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
        lastTag = String(cString: PQcmdStatus(result))
      default:
        if failure == nil {
          failure = Self.failure(of: result)
        }
      }
    }
    if PQstatus(connection) == CONNECTION_BAD {
      let lost = lostConnection(connection)
      throw failure.flatMap { $0.isRetryable ? $0 : nil } ?? lost
    }
    if let failure { throw failure }
    return (rows, lastTag)
  }

  private static func rows(of result: OpaquePointer) -> [PostgresRow] {
    let rowCount = PQntuples(result)
    let columnCount = PQnfields(result)
    var rows: [PostgresRow] = []
    rows.reserveCapacity(Int(rowCount))
    for row in 0..<rowCount {
      var values: [String?] = []
      values.reserveCapacity(Int(columnCount))
      for column in 0..<columnCount {
        if PQgetisnull(result, row, column) == 1 {
          values.append(nil)
        } else {
          let bytes = UnsafeRawBufferPointer(
            start: PQgetvalue(result, row, column), count: Int(PQgetlength(result, row, column)))
          values.append(String(decoding: bytes, as: UTF8.self))
        }
      }
      rows.append(PostgresRow(values))
    }
    return rows
  }

  private static func firstBytes(of result: OpaquePointer) -> [UInt8]? {
    guard PQntuples(result) > 0, PQnfields(result) > 0, PQgetisnull(result, 0, 0) == 0 else { return nil }
    return [UInt8](UnsafeRawBufferPointer(start: PQgetvalue(result, 0, 0), count: Int(PQgetlength(result, 0, 0))))
  }

  // MARK: - Errors

  private static func failure(of result: OpaquePointer) -> StoreError {
    let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
    let message =
      PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
      ?? String(cString: PQresultErrorMessage(result))
    return PostgresErrorClassifier.queryFailure(sqlState: sqlState, message: message)
  }

  private static func errorMessage(_ connection: OpaquePointer) -> String {
    PQerrorMessage(connection).map { String(cString: $0) } ?? "unknown libpq error"
  }

  /// The connection failed under a statement: it is dropped, and the next use reports it.
  private func lostConnection(_ connection: OpaquePointer) -> StoreError {
    let message = PostgresErrorClassifier.firstLine(Self.errorMessage(connection))
    dropConnection()
    return .connection(message.isEmpty ? "the connection to the server was lost" : message)
  }

  private func overranDeadline(_ connection: OpaquePointer) -> StoreError {
    if let cancel = PQgetCancel(connection) {
      PendingCancel(cancel).sendInBackground()
    }
    dropConnection()
    let seconds = settings.deadline.map { "\($0.components.seconds) s" } ?? "its deadline"
    return .timedOut("the server did not answer within \(seconds); the connection was dropped")
  }
}
