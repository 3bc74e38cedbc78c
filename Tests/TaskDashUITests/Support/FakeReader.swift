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

  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    []
  }

  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    SamplePages.run(id, documentLimit: documentLimit)
  }

  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    SamplePages.task(id)
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
