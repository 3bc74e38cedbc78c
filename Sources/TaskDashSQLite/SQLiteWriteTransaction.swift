import Foundation
import TaskDashModel
import TaskDashStore

/// The writes of one SQLite transaction; valid only until its `transaction` call returns.
///
/// Bulk inserts run as one queue hop each, reusing one cached prepared statement per table.
struct SQLiteWriteTransaction: WriteTransaction {
  let connection: SQLiteConnection
  /// The writer's number for this transaction; the database refuses work for any other.
  let token: UInt64

  // MARK: - Statements

  private static let insertTask = """
    INSERT INTO tasks (id, name, description, config, status, max_rounds, memory_size,
      created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
    """
  private static let insertRun = """
    INSERT INTO task_runs (id, task_id, run_number, status, plan, results, started_at,
      completed_at, duration, error_message, error_details, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
    """
  private static let selectRunNumber = "SELECT run_number FROM task_runs WHERE id = ?1"
  private static let updateRun = """
    UPDATE task_runs
    SET status = ?1, plan = ?2, results = ?3, started_at = ?4, completed_at = ?5, duration = ?6,
      error_message = ?7, error_details = ?8
    WHERE id = ?9
    """
  private static let updateTaskStatus = "UPDATE tasks SET status = ?1 WHERE id = ?2"
  private static let deleteRunByID = "DELETE FROM task_runs WHERE id = ?1"
  private static let insertMetric = """
    INSERT INTO metric_snapshots (task_id, task_run_id, name, metric_type, value, unit, labels,
      timestamp)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
    """
  private static let insertArtifact = """
    INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, file_path, file_size,
      file_hash, content_type, content, metadata, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
    """
  private static let allEmpty = """
    SELECT NOT EXISTS (SELECT 1 FROM tasks) AND NOT EXISTS (SELECT 1 FROM task_runs)
      AND NOT EXISTS (SELECT 1 FROM metric_snapshots) AND NOT EXISTS (SELECT 1 FROM artifacts)
    """
  // Children first: deleting metrics and artifacts before runs and tasks leaves the cascades
  // nothing to do.
  private static let deleteEverything = """
    DELETE FROM metric_snapshots;
    DELETE FROM artifacts;
    DELETE FROM task_runs;
    DELETE FROM tasks;
    """

  // MARK: - WriteTransaction

  func lockForSeeding() async throws {
    // BEGIN IMMEDIATE already holds the database's only write lock; this just checks that the
    // transaction is still open.
    try await perform { _ in }
  }

  func isEmpty() async throws -> Bool {
    try await perform { database in
      try database.prepared(Self.allEmpty) { statement in
        try statement.step() && statement.int(0) == 1
      }
    }
  }

  func deleteAll() async throws {
    try await perform { database in try database.execute(Self.deleteEverything) }
  }

  func insert(tasks: [Task]) async throws {
    try await perform { database in
      try database.prepared(Self.insertTask) { statement in
        for task in tasks {
          try statement.bind([
            .uuid(task.id), .text(task.name), .text(task.description), .text(task.config),
            .text(task.status.rawValue), .integer(task.maxRounds), .integer(task.memorySize),
            .date(task.createdAt), .date(task.updatedAt),
          ])
          try statement.run()
          statement.reset()
        }
      }
    }
  }

  func insert(runs: [TaskRun]) async throws {
    try await perform { database in
      try database.prepared(Self.insertRun) { statement in
        for run in runs {
          try statement.bind(Self.runValues(run))
          try statement.run()
          statement.reset()
        }
      }
    }
  }

  func insert(run: TaskRun) async throws -> Int {
    try await perform { database in
      try database.prepared(Self.insertRun) { statement in
        try statement.bind(Self.runValues(run))
        try statement.run()
      }
      // The number comes from a trigger that runs after the row is written, which RETURNING
      // does not see: read it back.
      return try database.prepared(Self.selectRunNumber) { statement in
        try statement.bind([.uuid(run.id)])
        guard try statement.step(), let number = statement.int(0) else {
          throw StoreError.query(sqlState: nil, message: "run \(run.id) has no run number after insert")
        }
        return number
      }
    }
  }

  func update(run: TaskRun) async throws {
    try await perform { database in
      try database.prepared(Self.updateRun) { statement in
        try statement.bind([
          .text(run.status.rawValue), .text(run.plan), .text(run.results), .date(run.startedAt),
          .date(run.completedAt), .real(run.duration), .text(run.errorMessage), .text(run.errorDetails),
          .uuid(run.id),
        ])
        try statement.run()
      }
    }
  }

  func updateTask(id: UUID, status: TaskStatus) async throws {
    try await perform { database in
      try database.prepared(Self.updateTaskStatus) { statement in
        try statement.bind([.text(status.rawValue), .uuid(id)])
        try statement.run()
      }
    }
  }

  func deleteRun(id: UUID) async throws {
    try await perform { database in
      try database.prepared(Self.deleteRunByID) { statement in
        try statement.bind([.uuid(id)])
        try statement.run()
      }
    }
  }

  func insert(metrics: [MetricSnapshot]) async throws {
    try await perform { database in
      try database.prepared(Self.insertMetric) { statement in
        for metric in metrics {
          try statement.bind([
            .uuid(metric.taskID), .uuid(metric.taskRunID), .text(metric.name),
            .text(metric.metricType.rawValue), .real(metric.value), .text(metric.unit), .text(metric.labels),
            .date(metric.timestamp),
          ])
          try statement.run()
          statement.reset()
        }
      }
    }
  }

  func insert(artifacts: [Artifact]) async throws {
    try await perform { database in
      try database.prepared(Self.insertArtifact) { statement in
        for artifact in artifacts {
          try statement.bind([
            .uuid(artifact.id), .uuid(artifact.taskID), .uuid(artifact.taskRunID), .text(artifact.name),
            .text(artifact.artifactType.rawValue), .text(artifact.filePath), .integer(artifact.fileSize),
            .text(artifact.fileHash), .text(artifact.contentType), .text(artifact.content),
            .text(artifact.metadata), .date(artifact.createdAt), .date(artifact.updatedAt),
          ])
          try statement.run()
          statement.reset()
        }
      }
    }
  }

  // MARK: - Helpers

  private static func runValues(_ run: TaskRun) -> [SQLiteValue] {
    [
      .uuid(run.id), .uuid(run.taskID), .integer(run.runNumber), .text(run.status.rawValue), .text(run.plan),
      .text(run.results), .date(run.startedAt), .date(run.completedAt), .real(run.duration),
      .text(run.errorMessage), .text(run.errorDetails), .date(run.createdAt), .date(run.updatedAt),
    ]
  }

  /// Runs `body` on the connection's queue if this transaction is still the open one.
  private func perform<T: Sendable>(_ body: @escaping @Sendable (SQLiteDatabase) throws -> T) async throws -> T {
    let token = token
    return try await connection.perform { database in
      guard database.activeTransaction == token else {
        throw StoreError.query(sqlState: nil, message: "the transaction has ended; writes belong inside its body")
      }
      return try body(database)
    }
  }
}
