import Foundation
import TaskDashModel

/// A reader that opens its backend on first use and again after the backend failed to open.
///
/// The dashboard must show its disconnected screen at once when the server is down at
/// start-up, instead of exiting or hanging: each call tries to open the backend and, until it
/// opens, fails with the backend's own error, which the pollers retry with backoff.
public actor ReconnectingReader: DashboardReading {
  private let open: @Sendable () async throws -> any DashboardReading
  private var reader: (any DashboardReading)?
  private var isClosed = false

  /// A reader that opens its backend with `open`; `initial` is an already open backend.
  public init(initial: (any DashboardReading)? = nil, open: @escaping @Sendable () async throws -> any DashboardReading)
  {
    self.reader = initial
    self.open = open
  }

  public func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    try await backend().tasks(query)
  }

  public func runs(_ query: RunQuery) async throws -> [RunRow] {
    try await backend().runs(query)
  }

  public func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    try await backend().metrics(query)
  }

  public func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    try await backend().artifacts(query)
  }

  public func artifact(id: UUID) async throws -> ArtifactRow? {
    try await backend().artifact(id: id)
  }

  public func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    try await backend().artifactContent(id: id, offset: offset, length: length)
  }

  public func health() async throws -> Health {
    try await backend().health()
  }

  public func close() async {
    isClosed = true
    await reader?.close()
    reader = nil
  }

  private func backend() async throws -> any DashboardReading {
    if isClosed { throw StoreError.closed }
    if let reader { return reader }
    let opened = try await open()
    // close() may have run while the backend was opening.
    if isClosed {
      await opened.close()
      throw StoreError.closed
    }
    reader = opened
    return opened
  }
}
