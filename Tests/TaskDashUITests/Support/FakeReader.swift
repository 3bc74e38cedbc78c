import Foundation
import TaskDashModel
import TaskDashStore

/// An in-memory store holding the sample data: every run has the same metrics and
/// artifacts, and artifact content comes from `contents`.
struct FakeReader: DashboardReading {
  var contents: [UUID: [UInt8]] = [
    sampleArtifacts[0].id: Array(markdownText.utf8), sampleArtifacts[1].id: Array(jsonText.utf8),
    sampleArtifacts[2].id: Array(logText.utf8), sampleArtifacts[3].id: binaryContent,
  ]

  func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    guard let needle = query.nameContains?.lowercased(), !needle.isEmpty else { return sampleTasks }
    return sampleTasks.filter { $0.task.name.lowercased().contains(needle) }
  }

  func runs(_ query: RunQuery) async throws -> [RunRow] {
    sampleRuns.filter { run in
      (query.taskID.map { $0 == run.taskID } ?? true) && (query.status.map { run.status == .known($0) } ?? true)
    }
  }

  func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    sampleMetrics
  }

  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    sampleArtifacts
  }

  func artifact(id: UUID) async throws -> ArtifactRow? {
    sampleArtifacts.first { $0.id == id }
  }

  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    let content = contents[id] ?? []
    let lower = min(content.count, Int(max(0, offset)))
    return Array(content[lower..<min(content.count, lower + max(0, length))])
  }

  /// The sample run's page: its neighbours among the sample runs of the same task, every
  /// sample metric and artifact, documents as `samplePages` holds them.
  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    guard let run = sampleRuns.first(where: { $0.id == id }) else { return nil }
    let siblings = sampleRuns.filter { $0.taskID == run.taskID }.sorted { $0.runNumber < $1.runNumber }
    func head(_ text: String?) -> DocumentHead? {
      text.map { DocumentHead(text: String($0.prefix(documentLimit)), byteCount: Int64($0.utf8.count)) }
    }
    let documents = sampleDocuments[id] ?? SampleDocuments()
    return RunPage(
      run: run, updatedAt: run.createdAt, errorMessage: head(run.errorMessage),
      errorDetails: head(documents.errorDetails),
      plan: head(documents.plan), results: head(documents.results), metrics: sampleMetrics, artifacts: sampleArtifacts,
      previousRunID: siblings.last { $0.runNumber < run.runNumber }?.id,
      nextRunID: siblings.first { $0.runNumber > run.runNumber }?.id)
  }

  /// The sample task's page, with counts and durations computed from the sample runs.
  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    guard let task = sampleTasks.first(where: { $0.id == id }) else { return nil }
    let runs = sampleRuns.filter { $0.taskID == id }
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
    let index = byName.firstIndex { $0.id == id }!
    return TaskPage(
      task: task,
      runsByStatus: counts.map { StatusCount(status: $0.key, count: $0.value) }.sorted {
        ($1.count, $0.status.rawValue) < ($0.count, $1.status.rawValue)
      },
      durations: stats,
      latestFailure: runs.filter { $0.status == .known(.failed) || $0.status == .known(.timeout) }.max {
        ($0.completedAt ?? .distantPast) < ($1.completedAt ?? .distantPast)
      },
      previousTaskID: index > 0 ? byName[index - 1].id : nil,
      nextTaskID: index + 1 < byName.count ? byName[index + 1].id : nil)
  }

  func taskID(named name: String) async throws -> UUID? {
    sampleTasks.first { $0.task.name == name }?.id
  }

  func runID(taskName: String, number: Int) async throws -> UUID? {
    sampleRuns.first { $0.taskName == taskName && $0.runNumber == number }?.id
  }

  func health() async throws -> Health {
    Health(roundTrip: .microseconds(420), serverVersion: "SQLite 3.40.1", schemaVersion: 3)
  }

  func close() async {}
}
