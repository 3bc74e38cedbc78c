import Foundation
import TaskDashModel
import TaskDashStore

/// A backend over a `FakeLoginServer` that, like the PostgreSQL reader, logs in again by itself
/// when its session was ended, and says so with the server's refusal when that login fails.
actor FakeSessionReader: DashboardReading {
  private let server: FakeLoginServer
  private var session: Int?
  private(set) var isClosed = false

  init(server: FakeLoginServer) {
    self.server = server
  }

  func connect() async throws {
    session = try await server.login()
  }

  func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    try await live()
    return []
  }

  func runs(_ query: RunQuery) async throws -> [RunRow] {
    try await live()
    return []
  }

  func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    try await live()
    return []
  }

  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    try await live()
    return []
  }

  func artifact(id: UUID) async throws -> ArtifactRow? {
    try await live()
    return nil
  }

  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    try await live()
    return []
  }

  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    try await live()
    return []
  }

  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    try await live()
    return nil
  }

  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    try await live()
    return nil
  }

  func taskID(named name: String) async throws -> UUID? {
    try await live()
    return nil
  }

  func runID(taskName: String, number: Int) async throws -> UUID? {
    try await live()
    return nil
  }

  func health() async throws -> Health {
    try await live()
    return Health(roundTrip: .microseconds(50), serverVersion: "fake", schemaVersion: 1)
  }

  func close() async {
    isClosed = true
  }

  private func live() async throws {
    if isClosed { throw StoreError.closed }
    if let session, await server.isAlive(session) { return }
    session = nil
    session = try await server.login()
  }
}
