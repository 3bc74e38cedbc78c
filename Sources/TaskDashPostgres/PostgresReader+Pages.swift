import Foundation
import TaskDashModel
import TaskDashStore

extension PostgresReader {
  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    guard let row = try await rows(PageStatements.run(id: id, documentLimit: documentLimit)).first else {
      return nil
    }
    func head(_ column: Int) throws -> DocumentHead? {
      guard let count = try row.optionalInt64(column + 1) else { return nil }
      return DocumentHead(text: row.optionalString(column) ?? "", byteCount: count)
    }
    let message = try head(10)
    let run = RunRow(
      id: try row.uuid(0), taskID: try row.uuid(1), taskName: row.optionalString(2) ?? "",
      runNumber: try row.int(3), status: Lenient(rawValue: try row.string(4)),
      startedAt: try row.optionalDate(5), completedAt: try row.optionalDate(6),
      duration: try row.optionalDouble(7), errorMessage: message?.text, createdAt: try row.date(8),
      activity: try Self.activity(row, at: 20))
    return RunPage(
      run: run, updatedAt: try row.date(9), errorMessage: message, errorDetails: try head(12),
      plan: try head(14), results: try head(16),
      metrics: try await metrics(MetricQuery(scope: .run(id), points: 1)),
      artifacts: try await artifacts(ArtifactQuery(scope: .run(id))),
      previousRunID: try row.optionalUUID(18), nextRunID: try row.optionalUUID(19))
  }

  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    guard let row = try await rows(PageStatements.task(id: id)).first else { return nil }
    let counts = try await rows(PageStatements.statusCounts(taskID: id)).map { count in
      StatusCount(status: Lenient(rawValue: try count.string(0)), count: try count.int(1))
    }
    var durations: DurationStats?
    if let stats = try await rows(PageStatements.durations(taskID: id, runs: durationRuns)).first,
      try stats.int(0) > 0
    {
      durations = DurationStats(
        count: try stats.int(0), p50: try stats.double(1), p95: try stats.double(2), max: try stats.double(3))
    }
    let failure = try await rows(PageStatements.latestFailure(taskID: id)).first.map(Self.runRow)
    return TaskPage(
      task: try Self.taskRow(row), runsByStatus: counts, durations: durations, latestFailure: failure,
      previousTaskID: try row.optionalUUID(16), nextTaskID: try row.optionalUUID(17))
  }

  func taskID(named name: String) async throws -> UUID? {
    try await rows(PageStatements.taskID(named: name)).first.map { try $0.uuid(0) }
  }

  func runID(taskName: String, number: Int) async throws -> UUID? {
    try await rows(PageStatements.runID(taskName: taskName, number: number)).first.map { try $0.uuid(0) }
  }
}
