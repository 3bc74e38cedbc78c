import Foundation
import TaskDashModel

/// A reader that opens its backend on first use and again after the backend failed to open.
///
/// The dashboard must show its disconnected screen at once when the server is down at
/// start-up, instead of exiting or hanging: each call tries to open the backend and, until it
/// opens, fails with the backend's own error, which the pollers retry with backoff. Calls that
/// arrive while an attempt is under way wait for that attempt rather than start their own, so
/// the panes polling at once never open more than one backend.
public actor ReconnectingReader: DashboardReading {
  private let open: @Sendable () async throws -> any DashboardReading
  private var reader: (any DashboardReading)?
  private var opening: _Concurrency.Task<any DashboardReading, any Error>?
  private var isClosed = false

  /// A reader that opens its backend with `open`; `initial` is an already open backend.
  public init(initial: (any DashboardReading)? = nil, open: @escaping @Sendable () async throws -> any DashboardReading)
  {
    self.reader = initial
    self.open = open
  }

  /// A reader whose first calls wait for `opening`, an attempt already under way, and that
  /// opens its backend with `open` if that attempt fails.
  public init(
    opening: _Concurrency.Task<any DashboardReading, any Error>,
    open: @escaping @Sendable () async throws -> any DashboardReading
  ) {
    self.opening = opening
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
    let attempt = opening ?? _Concurrency.Task { [open] in try await open() }
    opening = attempt
    let result = await attempt.result
    if opening == attempt { opening = nil }
    let opened = try result.get()
    // close() may have run while the backend was opening.
    if isClosed {
      await opened.close()
      throw StoreError.closed
    }
    if reader == nil { reader = opened }
    return opened
  }
}
