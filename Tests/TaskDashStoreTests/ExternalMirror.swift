import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport

@testable import TaskDashPostgres
@testable import TaskDashSQLite

/// The conformance suite's external schema: beside a fixture's own database, the agent system's
/// tables (`AgentSchema`), refilled from the fixture's rows in the agent's conventions before
/// every read, and a reader that reads them through its views.
///
/// PostgreSQL keeps them in a schema `agent` of the same database, which the reader's session
/// has as its search path; SQLite in a file beside the fixture's, which attaches it. Statuses
/// and types become enum names, ids lose their dashes (SQLite), times become naive text
/// (SQLite), JSON becomes `json` (PostgreSQL) and snapshot ids UUIDs whose first 64 bits are
/// the id, so that snapshots of the same time keep their order.
enum ExternalMirror {
  static func make(base: StoreFixture, as backend: TestBackend) async throws -> StoreFixture {
    // Not read here: its connection is the mirror's reader's, so the suite needs no more
    // connections than on taskdash's own schema.
    await base.reader.close()
    let reader: any DashboardReading
    let sync: @Sendable () async throws -> Void
    var closeMirror: @Sendable () async -> Void = {}
    switch backend.engine {
    case .postgres:
      try await base.raw.execute(
        "CREATE SCHEMA agent; SET search_path = agent;\n" + AgentSchema.postgres + "\nRESET search_path")
      reader = try await PostgresBackend.reader(conninfo: base.location + " options='-csearch_path=agent'")
      sync = { try await base.raw.execute(postgresCopy) }
    default:
      let path = base.location + ".agent.sqlite"
      let mirror = try await SQLiteConnection.open(path: path, mode: .readWrite(creating: true))
      try await mirror.perform { database in
        try database.execute(AgentSchema.sqlite)
        try database.execute("ATTACH DATABASE '\(base.location.replacingOccurrences(of: "'", with: "''"))' AS src")
      }
      reader = try await SQLiteBackend.reader(path: path)
      sync = { try await mirror.perform { try $0.execute(sqliteCopy) } }
      closeMirror = { await mirror.close() }
    }
    let mirrored = MirroringReader(reader: reader, sync: sync)
    let closeMirrorOnce = closeMirror
    return StoreFixture(
      backend: backend, reader: mirrored, writer: base.writer, driver: base.driver, raw: base.raw,
      readerSession: base.readerSession,
      tearDown: {
        await reader.close()
        await closeMirrorOnce()
        await base.tearDown()
      },
      openMaintainer: base.openMaintainer, location: base.location)
  }

  static let postgresCopy = """
    TRUNCATE agent.metric_snapshots, agent.artifacts, agent.task_runs, agent.tasks;
    INSERT INTO agent.tasks (id, name, description, config, status, max_rounds, memory_size, total_runs,
                             successful_runs, failed_runs, created_at, updated_at)
    SELECT id, name, description, config::json, upper(status)::agent.taskstatus, max_rounds, memory_size,
           total_runs, successful_runs, failed_runs, created_at, updated_at FROM public.tasks;
    INSERT INTO agent.task_runs (id, task_id, run_number, status, plan, results, started_at, completed_at,
                                 duration, error_message, error_details, created_at, updated_at)
    SELECT id, task_id, run_number, upper(status)::agent.runstatus, plan::json, results::json, started_at,
           completed_at, duration, error_message, error_details::json, created_at, updated_at FROM public.task_runs;
    INSERT INTO agent.metric_snapshots (id, task_id, task_run_id, name, metric_type, value, unit, labels, "timestamp")
    SELECT rpad(lpad(to_hex(id), 16, '0'), 32, '0')::uuid, task_id, task_run_id, name,
           upper(metric_type)::agent.metrictype, value, unit, labels::json, "timestamp" FROM public.metric_snapshots;
    INSERT INTO agent.artifacts (id, task_id, task_run_id, name, artifact_type, file_path, file_size, file_hash,
                                 content_type, content, metadata, created_at, updated_at)
    SELECT id, task_id, task_run_id, name, upper(artifact_type)::agent.artifacttype, file_path, file_size,
           file_hash, content_type, content, metadata::json, created_at, updated_at FROM public.artifacts;
    """

  /// An id without its dashes and a time as naive text with microseconds, as SQLAlchemy
  /// stores them on SQLite.
  private static func undashed(_ column: String) -> String { "replace(\(column), '-', '')" }
  private static func naive(_ column: String) -> String {
    "replace(replace(\(column), 'T', ' '), 'Z', '000')"
  }

  static let sqliteCopy = """
    DELETE FROM main.metric_snapshots; DELETE FROM main.artifacts; DELETE FROM main.task_runs; DELETE FROM main.tasks;
    INSERT INTO main.tasks SELECT \(undashed("id")), name, description, config, upper(status), max_rounds,
           memory_size, total_runs, successful_runs, failed_runs, \(naive("created_at")), \(naive("updated_at"))
      FROM src.tasks;
    INSERT INTO main.task_runs SELECT \(undashed("id")), \(undashed("task_id")), run_number, upper(status), plan,
           results, \(naive("started_at")), \(naive("completed_at")), duration, error_message, error_details,
           \(naive("created_at")), \(naive("updated_at"))
      FROM src.task_runs;
    INSERT INTO main.metric_snapshots SELECT printf('%032d', id), \(undashed("task_id")), \(undashed("task_run_id")),
           name, upper(metric_type), value, unit, labels, \(naive("timestamp"))
      FROM src.metric_snapshots ORDER BY id;
    INSERT INTO main.artifacts SELECT \(undashed("id")), \(undashed("task_id")), \(undashed("task_run_id")), name,
           upper(artifact_type), file_path, file_size, file_hash, content_type, content, metadata,
           \(naive("created_at")), \(naive("updated_at"))
      FROM src.artifacts;
    """
}

/// A reader that refreshes the agent's tables from the fixture's before every read.
struct MirroringReader: DashboardReading {
  let reader: any DashboardReading
  let sync: @Sendable () async throws -> Void

  func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    try await sync()
    return try await reader.tasks(query)
  }

  func runs(_ query: RunQuery) async throws -> [RunRow] {
    try await sync()
    return try await reader.runs(query)
  }

  func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    try await sync()
    return try await reader.metrics(query)
  }

  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    try await sync()
    return try await reader.artifacts(query)
  }

  func artifact(id: UUID) async throws -> ArtifactRow? {
    try await sync()
    return try await reader.artifact(id: id)
  }

  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    try await sync()
    return try await reader.artifactContent(id: id, offset: offset, length: length)
  }

  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    try await sync()
    return try await reader.runDocument(id: id, document, offset: offset, length: length)
  }

  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    try await sync()
    return try await reader.runPage(id: id, documentLimit: documentLimit)
  }

  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    try await sync()
    return try await reader.taskPage(id: id, durationRuns: durationRuns)
  }

  func taskID(named name: String) async throws -> UUID? {
    try await sync()
    return try await reader.taskID(named: name)
  }

  func runID(taskName: String, number: Int) async throws -> UUID? {
    try await sync()
    return try await reader.runID(taskName: taskName, number: number)
  }

  func health() async throws -> Health {
    try await reader.health()
  }

  func recentFailures(_ query: FailureWatchQuery) async throws -> [RunRow] {
    try await sync()
    return try await reader.recentFailures(query)
  }

  func metricHistory(_ query: MetricHistoryQuery) async throws -> MetricHistory {
    try await sync()
    return try await reader.metricHistory(query)
  }

  func failureGroups(_ query: FailureGroupQuery, now: Date) async throws -> FailureGroups {
    try await sync()
    return try await reader.failureGroups(query, now: now)
  }

  func failureRuns(_ query: FailureRunQuery, now: Date) async throws -> [RunRow] {
    try await sync()
    return try await reader.failureRuns(query, now: now)
  }

  func metricSummaries(runID: UUID, maxNames: Int, pointLimit: Int) async throws -> [MetricSummary] {
    try await sync()
    return try await reader.metricSummaries(runID: runID, maxNames: maxNames, pointLimit: pointLimit)
  }

  func close() async {
    await reader.close()
  }
}

extension MirroringReader: ExportReading {
  func export(_ request: ExportRequest, row: @escaping @Sendable ([String?]) -> Void) async throws -> Int {
    try await sync()
    guard let exporter = reader as? any ExportReading else {
      throw StoreError.query(sqlState: nil, message: "the mirrored reader does not export")
    }
    return try await exporter.export(request, row: row)
  }
}
