import Foundation
import TaskDashModel
import TaskDashStore

/// The dashboard's reads over one read-only session.
///
/// One session is what an operator expects to see in `pg_stat_activity` for one dashboard (and
/// what a connection limit on a shared server can afford); the panes' reads take a millisecond
/// or two each, so queueing them behind each other costs nothing visible. A connection lost
/// while idle is replaced on the next call, which runs once more on the fresh connection, so the
/// dashboard recovers by itself after a server restart.
///
/// Given a push channel, the same session also LISTENs for the push triggers' notifications
/// (every connection the pool opens does, so the listener comes back with every reconnect):
/// its thread waits on the socket between reads. One session rather than a second one for
/// listening keeps the dashboard at one backend, and a lost session is then lost for reading
/// and listening at once, so polling takes over exactly when push stops.
final class PostgresReader: DashboardReading {
  let pool: ConnectionPool

  init(conninfo: String, settings: ConnectionSettings = .reader, connections: Int = 1, push: PushChannel? = nil) {
    pool = ConnectionPool(conninfo: conninfo, settings: settings, capacity: connections) { connection in
      let origin = try await ExternalViews.install(on: connection)
      await connection.remember(origin: origin)
      // An external schema has no push triggers: polling is all there is.
      if let push, origin == .taskdash { _ = try await connection.listen(reporting: push) }
    }
  }

  /// Opens the first connection now, so a bad target fails at once rather than on the first poll.
  func connect() async throws {
    let connection = try await pool.acquire().connection
    await pool.release(connection)
  }

  func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    try await rows(ReadStatements.tasks(query)).map(Self.taskRow)
  }

  func runs(_ query: RunQuery) async throws -> [RunRow] {
    try await rows(ReadStatements.runs(query)).map(Self.runRow)
  }

  func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    try Self.series(from: await rows(ReadStatements.metrics(query)))
  }

  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    try await rows(ReadStatements.artifacts(query)).map(Self.artifactRow)
  }

  func artifact(id: UUID) async throws -> ArtifactRow? {
    try await rows(ReadStatements.artifact(id: id)).first.map(Self.artifactRow)
  }

  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    try await bytes(ReadStatements.artifactContent(id: id, offset: offset, length: length))
  }

  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    try await bytes(ReadStatements.runDocument(id: id, document, offset: offset, length: length))
  }

  /// The window a content statement reads; none when no statement can read it.
  private func bytes(_ statement: PostgresStatement?) async throws -> [UInt8] {
    guard let statement else { return [] }
    return try await pool.withConnection(retry: true) { connection in
      try await connection.queryFirstBytes(statement.sql, statement.parameters) ?? []
    }
  }

  func health() async throws -> Health {
    try await pool.withConnection(retry: true) { connection in
      let clock = ContinuousClock()
      let start = clock.now
      let probe = try await connection.query(ReadStatements.health.sql)
      let roundTrip = clock.now - start
      guard let row = probe.first else {
        throw StoreError.query(sqlState: nil, message: "the health probe returned no row")
      }
      var schemaVersion: Int?
      if try row.bool(1) {
        if case .known(let version) = await connection.schemaVersion {
          schemaVersion = version
        } else {
          schemaVersion = try await connection.query(ReadStatements.schemaVersion.sql).first?.optionalInt(0)
          await connection.remember(schemaVersion: schemaVersion)
        }
      }
      // A standby's clock may run behind the primary's: a negative age is no lag.
      let role: ServerRole =
        try row.bool(2) ? .standby(replayLag: try row.optionalDouble(3).map { .seconds(max(0, $0)) }) : .primary
      let (host, port) = try await connection.address()
      return Health(
        roundTrip: roundTrip, serverVersion: try row.string(0), schemaVersion: schemaVersion,
        server: DatabaseServer(host: host, port: port, role: role), origin: await connection.origin)
    }
  }

  func close() async {
    await pool.close()
  }

  func rows(_ statement: PostgresStatement) async throws -> [PostgresRow] {
    try await pool.withConnection(retry: true) { connection in
      try await connection.query(statement.sql, statement.parameters)
    }
  }

  // MARK: - Decoding

  static func taskRow(_ row: PostgresRow) throws -> TaskRow {
    let task = TaskDashModel.Task(
      id: try row.uuid(0), name: try row.string(1), description: row.optionalString(2),
      config: row.optionalString(3) ?? "{}", status: Lenient(rawValue: try row.string(4)),
      maxRounds: try row.optionalInt(5), memorySize: try row.optionalInt(6),
      totalRuns: try row.int(7), successfulRuns: try row.int(8), failedRuns: try row.int(9),
      createdAt: try row.date(10), updatedAt: try row.date(11))
    return TaskRow(
      task: task, runningNow: try row.int(12), lastRunAt: try row.optionalDate(13), silentNow: try row.int(14),
      nextSilenceAt: try row.optionalDate(15))
  }

  /// A run in the runs pane's columns; its activity follows them when the statement read it.
  static func runRow(_ row: PostgresRow) throws -> RunRow {
    RunRow(
      id: try row.uuid(0), taskID: try row.uuid(1), taskName: row.optionalString(2) ?? "",
      runNumber: try row.int(3), status: Lenient(rawValue: try row.string(4)),
      startedAt: try row.optionalDate(5), completedAt: try row.optionalDate(6),
      duration: try row.optionalDouble(7), errorMessage: row.optionalString(8),
      createdAt: try row.date(9), activity: row.values.count > 11 ? try activity(row, at: 10) : nil)
  }

  /// The silence rule's inputs at `column` (last sign) and the next (median), nil when the
  /// statement left them NULL (the run is not running).
  static func activity(_ row: PostgresRow, at column: Int) throws -> RunActivity? {
    try row.optionalDate(column).map { RunActivity(lastSignAt: $0, medianInterval: try row.optionalDouble(column + 1)) }
  }

  private static func artifactRow(_ row: PostgresRow) throws -> ArtifactRow {
    ArtifactRow(
      id: try row.uuid(0), taskID: try row.optionalUUID(1), taskRunID: try row.optionalUUID(2),
      name: try row.string(3), artifactType: Lenient(rawValue: try row.string(4)),
      filePath: row.optionalString(5), fileSize: try row.optionalInt64(6),
      fileHash: row.optionalString(7), contentType: row.optionalString(8),
      contentLength: try row.optionalInt64(9), metadata: row.optionalString(10) ?? "{}",
      createdAt: try row.date(11))
  }

  /// Groups point rows into series: names in the statement's (alphabetical) ordinal order,
  /// points oldest first.
  private static func series(from rows: [PostgresRow]) throws -> [MetricSeries] {
    struct Point {
      var id: Int64
      var type: String
      var unit: String?
      var value: Double
      var time: Date
    }
    var byOrdinal: [Int: (name: String, points: [Point])] = [:]
    for row in rows {
      let ordinal = try row.int(0)
      let point = Point(
        id: try row.optionalInt64(2) ?? 0, type: try row.string(3), unit: row.optionalString(4),
        value: try row.double(5), time: try row.date(6))
      let name = try row.string(1)
      byOrdinal[ordinal, default: (name, [])].points.append(point)
    }
    return byOrdinal.sorted { $0.key < $1.key }.compactMap { _, entry in
      let points = entry.points.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
      guard let latest = points.last else { return nil }
      return MetricSeries(
        name: entry.name, metricType: Lenient(rawValue: latest.type), unit: latest.unit,
        points: points.map(\.value), latestAt: latest.time)
    }
  }
}
