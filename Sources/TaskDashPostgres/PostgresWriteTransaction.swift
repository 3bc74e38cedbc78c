import Foundation
import TaskDashModel
import TaskDashStore

/// The writes of one open transaction; every call carries the transaction's token, so a value
/// kept after its transaction ended fails instead of writing into another one.
final class PostgresWriteTransaction: WriteTransaction {
  /// The advisory lock seeders serialise on ("taskseed" in ASCII).
  static let seedingLockKey: Int64 = 0x7461_736B_7365_6564

  private let connection: PostgresConnection
  private let token: UInt64

  init(connection: PostgresConnection, token: UInt64) {
    self.connection = connection
    self.token = token
  }

  func lockForSeeding() async throws {
    try await query("SELECT pg_advisory_xact_lock($1::bigint)", [String(Self.seedingLockKey)])
  }

  func isEmpty() async throws -> Bool {
    let rows = try await query(
      """
      SELECT NOT EXISTS (SELECT 1 FROM tasks) AND NOT EXISTS (SELECT 1 FROM task_runs)
         AND NOT EXISTS (SELECT 1 FROM metric_snapshots) AND NOT EXISTS (SELECT 1 FROM artifacts)
      """)
    return try rows.first?.bool(0) ?? true
  }

  /// DELETE rather than TRUNCATE: TRUNCATE's exclusive lock would stall the dashboard's reads
  /// for the whole seeding transaction. The children go first so no cascade walks them row by row.
  func deleteAll() async throws {
    try await connection.execute(
      "DELETE FROM metric_snapshots; DELETE FROM artifacts; DELETE FROM task_runs; DELETE FROM tasks;",
      transaction: token)
  }

  func insert(tasks: [TaskDashModel.Task]) async throws {
    guard !tasks.isEmpty else { return }
    try await connection.copy(
      """
      COPY tasks (id, name, description, config, status, max_rounds, memory_size, created_at, updated_at)
      FROM STDIN
      """, rows: tasks, transaction: token
    ) { task, buffer in
      buffer.field(task.id)
      try buffer.field(task.name)
      try buffer.field(task.description)
      try buffer.field(task.config)
      try buffer.field(task.status.rawValue)
      buffer.field(task.maxRounds)
      buffer.field(task.memorySize)
      buffer.field(task.createdAt)
      buffer.field(task.updatedAt)
    }
  }

  func insert(runs: [TaskRun]) async throws {
    guard !runs.isEmpty else { return }
    try await connection.copy(
      """
      COPY task_runs (id, task_id, run_number, status, plan, results, started_at, completed_at,
                      duration, error_message, error_details, created_at, updated_at)
      FROM STDIN
      """, rows: runs, transaction: token
    ) { run, buffer in
      buffer.field(run.id)
      buffer.field(run.taskID)
      buffer.field(run.runNumber)
      try buffer.field(run.status.rawValue)
      try buffer.field(run.plan)
      try buffer.field(run.results)
      buffer.field(run.startedAt)
      buffer.field(run.completedAt)
      buffer.field(run.duration)
      try buffer.field(run.errorMessage)
      try buffer.field(run.errorDetails)
      buffer.field(run.createdAt)
      buffer.field(run.updatedAt)
    }
  }

  func insert(run: TaskRun) async throws -> Int {
    let rows = try await query(
      """
      INSERT INTO task_runs (id, task_id, run_number, status, plan, results, started_at, completed_at,
                             duration, error_message, error_details, created_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
      RETURNING run_number
      """,
      [
        run.id.uuidString, run.taskID.uuidString, run.runNumber.map(String.init), run.status.rawValue,
        run.plan, run.results, run.startedAt.map(PostgresText.timestamp),
        run.completedAt.map(PostgresText.timestamp), run.duration.map(PostgresText.double),
        run.errorMessage, run.errorDetails, PostgresText.timestamp(run.createdAt),
        PostgresText.timestamp(run.updatedAt),
      ])
    guard let number = try rows.first?.int(0) else {
      throw StoreError.query(sqlState: nil, message: "inserting a run returned no run number")
    }
    return number
  }

  func update(run: TaskRun) async throws {
    try await query(
      """
      UPDATE task_runs
         SET status = $2, plan = $3, results = $4, started_at = $5, completed_at = $6, duration = $7,
             error_message = $8, error_details = $9
       WHERE id = $1
      """,
      [
        run.id.uuidString, run.status.rawValue, run.plan, run.results,
        run.startedAt.map(PostgresText.timestamp), run.completedAt.map(PostgresText.timestamp),
        run.duration.map(PostgresText.double), run.errorMessage, run.errorDetails,
      ])
  }

  func updateTask(id: UUID, status: TaskStatus) async throws {
    try await query("UPDATE tasks SET status = $2 WHERE id = $1", [id.uuidString, status.rawValue])
  }

  func deleteRun(id: UUID) async throws {
    try await query("DELETE FROM task_runs WHERE id = $1", [id.uuidString])
  }

  func insert(metrics: [MetricSnapshot]) async throws {
    guard !metrics.isEmpty else { return }
    try await connection.copy(
      """
      COPY metric_snapshots (task_id, task_run_id, name, metric_type, value, unit, labels, "timestamp")
      FROM STDIN
      """, rows: metrics, transaction: token
    ) { metric, buffer in
      buffer.field(metric.taskID)
      buffer.field(metric.taskRunID)
      try buffer.field(metric.name)
      try buffer.field(metric.metricType.rawValue)
      buffer.field(metric.value)
      try buffer.field(metric.unit)
      try buffer.field(metric.labels)
      buffer.field(metric.timestamp)
    }
  }

  /// One statement per artifact: contents may be large, and a bound parameter carries them
  /// without the escaping pass COPY would need.
  func insert(artifacts: [Artifact]) async throws {
    for artifact in artifacts {
      try await query(
        """
        INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, file_path, file_size,
                               file_hash, content_type, content, metadata, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        """,
        [
          artifact.id.uuidString, artifact.taskID?.uuidString, artifact.taskRunID?.uuidString,
          artifact.name, artifact.artifactType.rawValue, artifact.filePath,
          artifact.fileSize.map(String.init), artifact.fileHash, artifact.contentType, artifact.content,
          artifact.metadata, PostgresText.timestamp(artifact.createdAt),
          PostgresText.timestamp(artifact.updatedAt),
        ])
    }
  }

  @discardableResult
  private func query(_ sql: String, _ parameters: [String?] = []) async throws -> [PostgresRow] {
    try await connection.query(sql, parameters, transaction: token)
  }
}
