import Foundation
import TaskDashModel
import TaskDashStore

/// The dashboard's read-only session on a SQLite file.
///
/// Opened with SQLITE_OPEN_READONLY and `PRAGMA query_only`; every read runs on the
/// connection's own queue. Rows written by other programs are decoded leniently: unknown
/// enumerated values are kept, invalid UTF-8 is repaired, and an unreadable id or time
/// becomes a placeholder instead of failing the page.
struct SQLiteReader: DashboardReading {
  let connection: SQLiteConnection
  /// Whose schema the file holds; an external one is read through the connection's views.
  var origin: SchemaOrigin = .taskdash
  /// How the file writes its ids, which is how the reader's parameters write them.
  var ids: SQLiteUUIDForm = .dashed

  /// Stands in for an id that is not a uuid (a writer bypassed the schema's CHECKs).
  static let placeholderID = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
  /// Stands in for a time that does not parse.
  static let placeholderDate = Date(timeIntervalSince1970: 0)

  // MARK: - Tasks

  func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    let conditions = SQLiteFilterSQL(tasks: query.filter)
    let sql = SQLiteReaderSQL.tasks(sort: query.sort, filter: conditions.conditions)
    var values = SQLiteSilenceSQL.parameters.merging(conditions.values) { first, _ in first }
    values[":limit"] = .integer(Int64(max(0, query.limit)))
    let parameters = values
    return try await connection.perform { database in
      try database.prepared(sql) { statement in
        try statement.bind(named: parameters)
        var rows: [TaskRow] = []
        while try statement.step() {
          rows.append(Self.taskRow(statement))
        }
        return rows
      }
    }
  }

  /// The user's text as a LIKE operand matching itself literally (`\` is the escape).
  ///
  /// SQLite's LIKE ignores case for ASCII letters only: "É" does not match "é" (PostgreSQL's
  /// ILIKE folds them).
  static func escapeLike(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }

  static func taskRow(_ statement: SQLiteStatement) -> TaskRow {
    let task = Task(
      id: statement.uuid(0) ?? Self.placeholderID,
      name: statement.text(1) ?? "",
      description: statement.text(2),
      config: statement.text(3) ?? "{}",
      status: Lenient(rawValue: statement.text(4) ?? ""),
      maxRounds: statement.int(5),
      memorySize: statement.int(6),
      totalRuns: statement.int(7) ?? 0,
      successfulRuns: statement.int(8) ?? 0,
      failedRuns: statement.int(9) ?? 0,
      createdAt: statement.date(10) ?? Self.placeholderDate,
      updatedAt: statement.date(11) ?? Self.placeholderDate)
    let silence = SQLiteTaskSilence(statement.text(14))
    return TaskRow(
      task: task, runningNow: statement.int(12) ?? 0, lastRunAt: statement.date(13),
      silentNow: silence.silentNow, nextSilenceAt: silence.nextSilenceAt)
  }

  // MARK: - Runs

  func runs(_ query: RunQuery) async throws -> [RunRow] {
    let conditions = SQLiteFilterSQL(runs: query.filter)
    let sql = SQLiteReaderSQL.runs(
      byTask: query.taskID != nil, byStatus: query.status != nil, paged: query.after != nil,
      filter: conditions.conditions)
    var values = SQLiteSilenceSQL.windowParameter.merging(conditions.values) { first, _ in first }
    values[":limit"] = .integer(Int64(max(0, query.limit)))
    if let taskID = query.taskID { values[":task"] = ids.value(taskID) }
    if let status = query.status { values[":status"] = .text(status.rawValue) }
    if let after = query.after {
      values[":after_created"] = .date(after.createdAt)
      values[":after_id"] = ids.value(after.id)
    }
    return try await rows(sql, values, Self.runRow)
  }

  /// A run in the columns of `SQLiteReaderSQL.runs`; its activity follows them when the
  /// statement read it.
  static func runRow(_ statement: SQLiteStatement) -> RunRow {
    RunRow(
      id: statement.uuid(0) ?? Self.placeholderID,
      taskID: statement.uuid(1) ?? Self.placeholderID,
      taskName: statement.text(2) ?? "",
      runNumber: statement.int(3) ?? 0,
      status: Lenient(rawValue: statement.text(4) ?? ""),
      startedAt: statement.date(5),
      completedAt: statement.date(6),
      duration: statement.double(7),
      errorMessage: statement.text(8),
      createdAt: statement.date(9) ?? Self.placeholderDate,
      activity: statement.columnCount > 11 ? activity(statement, at: 10) : nil)
  }

  /// The silence rule's inputs at `column` (last sign) and the next (median), nil when the
  /// statement left them NULL (the run is not running).
  static func activity(_ statement: SQLiteStatement, at column: Int32) -> RunActivity? {
    statement.date(column).map { RunActivity(lastSignAt: $0, medianInterval: statement.double(column + 1)) }
  }

  // MARK: - Metrics

  func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    let column: SQLiteReaderSQL.ScopeColumn
    let scopeID: UUID
    switch query.scope {
    case .all:
      throw StoreError.query(sqlState: nil, message: "metrics are read for one task or one run, not for all")
    case .task(let id):
      (column, scopeID) = (.task, id)
    case .run(let id):
      (column, scopeID) = (.run, id)
    }
    let maxSeries = Int64(max(0, query.maxSeries))
    let points = max(0, query.points)
    return try await connection.perform { database in
      try database.readTransaction {
        let names = try database.prepared(SQLiteReaderSQL.metricNames(column)) { statement in
          try statement.bind(named: [":scope": ids.value(scopeID), ":limit": .integer(maxSeries)])
          var names: [String] = []
          while try statement.step() {
            names.append(statement.text(0) ?? "")
          }
          return names
        }
        return try names.map { name in
          try database.prepared(SQLiteReaderSQL.metricPoints(column)) { statement in
            // At least one row even for zero points: the type, unit and latest time come
            // from the newest one.
            try statement.bind(named: [
              ":scope": ids.value(scopeID), ":name": .text(name), ":points": .integer(Int64(max(points, 1))),
            ])
            var newestFirst: [Double] = []
            var metricType = ""
            var unit: String?
            var latestAt = Self.placeholderDate
            while try statement.step() {
              if newestFirst.isEmpty {
                metricType = statement.text(1) ?? ""
                unit = statement.text(2)
                latestAt = statement.date(3) ?? Self.placeholderDate
              }
              newestFirst.append(statement.double(0) ?? .nan)
            }
            return MetricSeries(
              name: name, metricType: Lenient(rawValue: metricType), unit: unit,
              points: Array(newestFirst.prefix(points).reversed()), latestAt: latestAt)
          }
        }
      }
    }
  }

  // MARK: - Artifacts

  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    var values: [String: SQLiteValue] = [":limit": .integer(Int64(max(0, query.limit)))]
    let column: SQLiteReaderSQL.ScopeColumn?
    switch query.scope {
    case .all:
      column = nil
    case .task(let id):
      column = .task
      values[":scope"] = ids.value(id)
    case .run(let id):
      column = .run
      values[":scope"] = ids.value(id)
    }
    if let after = query.after {
      values[":after_created"] = .date(after.createdAt)
      values[":after_id"] = ids.value(after.id)
    }
    let sql = SQLiteReaderSQL.artifacts(scope: column, paged: query.after != nil)
    let parameters = values
    return try await connection.perform { database in
      try database.readTransaction {
        try database.prepared(sql) { statement in
          try statement.bind(named: parameters)
          var rows: [ArtifactRow] = []
          while try statement.step() {
            rows.append(try Self.artifactRow(statement, database))
          }
          return rows
        }
      }
    }
  }

  func artifact(id: UUID) async throws -> ArtifactRow? {
    try await connection.perform { database in
      try database.readTransaction {
        try database.prepared(SQLiteReaderSQL.artifact) { statement in
          try statement.bind(named: [":id": ids.value(id)])
          return try statement.step() ? Self.artifactRow(statement, database) : nil
        }
      }
    }
  }

  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    try await window(of: "content", in: "artifacts", id: id, offset: offset, length: length)
  }

  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    try await window(of: document.column, in: "task_runs", id: id, offset: offset, length: length)
  }

  /// A window of a text or blob column, read through the incremental blob API so a window
  /// deep in a large value does not load the value.
  private func window(of column: String, in table: String, id: UUID, offset: Int64, length: Int) async throws
    -> [UInt8]
  {
    try await connection.perform { database in
      try database.readTransaction {
        let location = try database.prepared(SQLiteReaderSQL.valueLocation(of: column, in: table)) { statement in
          try statement.bind(named: [":id": ids.value(id)])
          return try statement.step() ? (rowID: statement.int64(0) ?? 0, kind: statement.text(1)) : nil
        }
        guard let location, Self.hasContent(kind: location.kind) else { return [] }
        return try database.readValue(
          table: table, column: column, rowID: location.rowID, offset: offset, length: length)
      }
    }
  }

  /// Whether `typeof(content)` names a value the incremental blob API can open.
  private static func hasContent(kind: String?) -> Bool { kind == "text" || kind == "blob" }

  private static func artifactRow(_ statement: SQLiteStatement, _ database: SQLiteDatabase) throws -> ArtifactRow {
    var contentLength: Int64?
    if hasContent(kind: statement.text(10)), let rowID = statement.int64(0) {
      contentLength = Int64(try database.valueLength(table: "artifacts", column: "content", rowID: rowID))
    }
    return ArtifactRow(
      id: statement.uuid(1) ?? Self.placeholderID,
      taskID: statement.uuid(2),
      taskRunID: statement.uuid(3),
      name: statement.text(4) ?? "",
      artifactType: Lenient(rawValue: statement.text(5) ?? ""),
      filePath: statement.text(6),
      fileSize: statement.int64(7),
      fileHash: statement.text(8),
      contentType: statement.text(9),
      contentLength: contentLength,
      metadata: statement.text(11) ?? "{}",
      createdAt: statement.date(12) ?? Self.placeholderDate)
  }

  // MARK: - Health and lifetime

  func health() async throws -> Health {
    let clock = ContinuousClock()
    let start = clock.now
    let (version, schemaVersion) = try await connection.perform { database in
      try database.readTransaction {
        let version = try database.prepared(SQLiteReaderSQL.serverVersion) { statement in
          try statement.step() ? statement.text(0) ?? "" : ""
        }
        let hasHistory = try database.prepared(SQLiteReaderSQL.historyExists) { statement in
          try statement.step() && (statement.int(0) ?? 0) > 0
        }
        guard hasHistory else { return (version, Int?.none) }
        let schemaVersion = try database.prepared(SQLiteReaderSQL.schemaVersion) { statement in
          try statement.step() ? statement.int(0) : nil
        }
        return (version, schemaVersion)
      }
    }
    return Health(roundTrip: clock.now - start, serverVersion: version, schemaVersion: schemaVersion, origin: origin)
  }

  func close() async {
    await connection.close()
  }
}
