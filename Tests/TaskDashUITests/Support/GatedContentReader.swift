import Foundation
import TaskDashModel
import TaskDashStore

/// The sample store, except that artifact content is held back until `open()`.
final class GatedContentReader: DashboardReading {
  private let base = FakeReader()
  private let gate = Gate()

  /// Lets every held and later content read through.
  func open() async {
    await gate.open()
  }

  func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    try await base.tasks(query)
  }

  func runs(_ query: RunQuery) async throws -> [RunRow] {
    try await base.runs(query)
  }

  func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    try await base.metrics(query)
  }

  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    try await base.artifacts(query)
  }

  func artifact(id: UUID) async throws -> ArtifactRow? {
    try await base.artifact(id: id)
  }

  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    await gate.pass()
    return try await base.artifactContent(id: id, offset: offset, length: length)
  }

  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    await gate.pass()
    return try await base.runDocument(id: id, document, offset: offset, length: length)
  }

  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    try await base.runPage(id: id, documentLimit: documentLimit)
  }

  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    try await base.taskPage(id: id, durationRuns: durationRuns)
  }

  func taskID(named name: String) async throws -> UUID? {
    try await base.taskID(named: name)
  }

  func runID(taskName: String, number: Int) async throws -> UUID? {
    try await base.runID(taskName: taskName, number: number)
  }

  func health() async throws -> Health {
    try await base.health()
  }

  func close() async {}

  /// Closed until opened; then open for good.
  private actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func pass() async {
      guard !isOpen else { return }
      await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
      isOpen = true
      for continuation in waiting { continuation.resume() }
      waiting = []
    }
  }
}
