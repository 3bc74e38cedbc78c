import Foundation
import TaskDashModel
import TaskDashTestSupport

/// The pages of the sample runs and tasks, as a store would build them from the sample data.
enum SamplePages {
  /// The JSON documents of a sample run.
  struct Documents {
    var plan: String?
    var results: String?
    var errorDetails: String?
  }

  /// Documents by run: the failed run has error details, the running one a plan only, the
  /// finished one a plan and results, the timed-out one nothing at all.
  static let documents: [UUID: Documents] = [
    id(1_012): Documents(plan: #"{"steps":["fetch prices","compare"],"budget_usd":2}"#),
    id(1_011): Documents(
      plan: #"{"steps":["fetch prices"]}"#,
      errorDetails: #"{"provider":"openai","http_status":429,"retry_after_s":30,"request":{"model":"large"}}"#),
    id(1_030): Documents(
      plan: #"{"files":12}"#,
      results: #"{"comments":4,"approved":true,"findings":[{"file":"a.swift","line":3}]}"#),
  ]

  /// A sample run's page: its neighbours among the sample runs of its task, every sample
  /// metric and artifact, its documents cut at `documentLimit` characters.
  static func run(_ id: UUID, documentLimit: Int = 1 << 18) -> RunPage? {
    guard let run = sampleRuns.first(where: { $0.id == id }) else { return nil }
    let siblings = sampleRuns.filter { $0.taskID == run.taskID }.sorted { $0.runNumber < $1.runNumber }
    func head(_ text: String?) -> DocumentHead? {
      text.map { DocumentHead(text: String($0.prefix(documentLimit)), byteCount: Int64($0.utf8.count)) }
    }
    let documents = documents[id] ?? Documents()
    return RunPage(
      run: run, updatedAt: run.createdAt, errorMessage: head(run.errorMessage),
      errorDetails: head(documents.errorDetails), plan: head(documents.plan), results: head(documents.results),
      metrics: sampleMetrics, artifacts: sampleArtifacts,
      previousRunID: siblings.last { $0.runNumber < run.runNumber }?.id,
      nextRunID: siblings.first { $0.runNumber > run.runNumber }?.id)
  }

  /// A sample task's page, with counters, counts and nearest-rank durations from the sample runs.
  static func task(_ id: UUID) -> TaskPage? {
    guard var task = sampleTasks.first(where: { $0.id == id }) else { return nil }
    let runs = sampleRuns.filter { $0.taskID == id }
    // taskdash's schema keeps the counters by trigger: on its page they agree with the rows.
    task.task.totalRuns = runs.count
    task.task.successfulRuns = runs.filter { $0.status == .known(.completed) }.count
    task.task.failedRuns = runs.filter { $0.status.known?.countsAsFailure == true }.count
    var counts: [Lenient<RunStatus>: Int] = [:]
    for run in runs { counts[run.status, default: 0] += 1 }
    let durations = runs.filter { $0.status == .known(.completed) }.compactMap(\.duration).sorted()
    let stats =
      durations.isEmpty
      ? nil
      : DurationStats(
        count: durations.count, p50: durations[(durations.count + 1) / 2 - 1],
        p95: durations[(durations.count * 95 + 99) / 100 - 1], max: durations[durations.count - 1])
    let byName = sampleTasks.sorted { $0.task.name < $1.task.name }
    let index = byName.firstIndex { $0.id == id } ?? 0
    return TaskPage(
      task: task, runsByStatus: counts.map { StatusCount(status: $0.key, count: $0.value) }, durations: stats,
      latestFailure: runs.filter { $0.status == .known(.failed) || $0.status == .known(.timeout) }
        .max { $0.createdAt < $1.createdAt },
      previousTaskID: index > 0 ? byName[index - 1].id : nil,
      nextTaskID: index + 1 < byName.count ? byName[index + 1].id : nil)
  }
}
