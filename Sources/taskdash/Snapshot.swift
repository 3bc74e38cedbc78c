import Foundation
import TaskDashModel
import TaskDashStore

/// What the dashboard would show, read once: for `taskdash snapshot`.
struct Snapshot: Encodable {
  var target: String
  var generatedAt: Date
  var tasks: [TaskEntry]
  var runs: [RunEntry]
  /// The run whose metrics and artifacts are listed: the newest run.
  var selectedRunID: UUID?
  var metrics: [MetricEntry]
  var artifacts: [ArtifactEntry]

  struct TaskEntry: Encodable {
    var id: UUID
    var name: String
    var status: String
    var totalRuns: Int
    var successfulRuns: Int
    var failedRuns: Int
    var successRate: Double?
    var runningNow: Int
    var lastRunAt: Date?
  }

  struct RunEntry: Encodable {
    var id: UUID
    var taskID: UUID
    var taskName: String
    var runNumber: Int
    var status: String
    var startedAt: Date?
    var duration: Double?
    var errorMessage: String?
  }

  struct MetricEntry: Encodable {
    var name: String
    var type: String
    var unit: String?
    var latest: Double?
    var points: [Double]
  }

  struct ArtifactEntry: Encodable {
    var id: UUID
    var name: String
    var type: String
    var size: Int64?
    var createdAt: Date
  }

  /// Reads the snapshot: tasks, the newest runs, and the newest run's metrics and artifacts.
  static func read(from reader: any DashboardReading, target: DatabaseTarget, limit: Int) async throws -> Snapshot {
    let tasks = try await reader.tasks(TaskQuery(limit: limit))
    let runs = try await reader.runs(RunQuery(limit: limit))
    let selected = runs.first?.id
    var metrics: [MetricSeries] = []
    var artifacts: [ArtifactRow] = []
    if let selected {
      metrics = try await reader.metrics(MetricQuery(scope: .run(selected), points: 30))
      artifacts = try await reader.artifacts(ArtifactQuery(scope: .run(selected), limit: limit))
    }
    return Snapshot(
      target: target.description,
      generatedAt: Date(),
      tasks: tasks.map { row in
        TaskEntry(
          id: row.id, name: row.task.name, status: row.task.status.rawValue, totalRuns: row.task.totalRuns,
          successfulRuns: row.task.successfulRuns, failedRuns: row.task.failedRuns,
          successRate: row.task.successRate, runningNow: row.runningNow, lastRunAt: row.lastRunAt)
      },
      runs: runs.map { run in
        RunEntry(
          id: run.id, taskID: run.taskID, taskName: run.taskName, runNumber: run.runNumber,
          status: run.status.rawValue, startedAt: run.startedAt, duration: run.duration,
          errorMessage: run.errorMessage)
      },
      selectedRunID: selected,
      metrics: metrics.map { series in
        MetricEntry(
          name: series.name, type: series.metricType.rawValue, unit: series.unit, latest: series.latest,
          points: series.points)
      },
      artifacts: artifacts.map { artifact in
        ArtifactEntry(
          id: artifact.id, name: artifact.name, type: artifact.artifactType.rawValue,
          size: artifact.contentLength ?? artifact.fileSize, createdAt: artifact.createdAt)
      })
  }

  /// The snapshot as JSON, safe to print on a terminal.
  func json() throws -> String {
    try TerminalSafeJSON.encode(self)
  }
}
