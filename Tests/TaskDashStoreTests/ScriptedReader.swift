import Foundation
import TaskDashModel
import TaskDashStore

/// A backend whose every call first runs `script` with the call's name, which may wait or throw.
struct ScriptedReader: DashboardReading {
  let script: @Sendable (String) async throws -> Void

  func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    try await script("tasks")
    return []
  }

  func runs(_ query: RunQuery) async throws -> [RunRow] {
    try await script("runs")
    return []
  }

  func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    try await script("metrics")
    return []
  }

  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    try await script("artifacts")
    return []
  }

  func artifact(id: UUID) async throws -> ArtifactRow? {
    try await script("artifact")
    return nil
  }

  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    try await script("artifactContent")
    return []
  }

  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    try await script("runDocument")
    return []
  }

  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    try await script("runPage")
    return nil
  }

  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    try await script("taskPage")
    return nil
  }

  func taskID(named name: String) async throws -> UUID? {
    try await script("taskID")
    return nil
  }

  func runID(taskName: String, number: Int) async throws -> UUID? {
    try await script("runID")
    return nil
  }

  func health() async throws -> Health {
    try await script("health")
    return Health(roundTrip: .microseconds(50), serverVersion: "scripted", schemaVersion: 1)
  }

  func close() async {}
}
