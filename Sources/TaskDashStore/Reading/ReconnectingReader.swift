import Foundation
import TaskDashModel

/// A reader that opens its backend on first use and again after the backend failed to open.
///
/// The dashboard must show its disconnected screen at once when the server is down at
/// start-up, instead of exiting or hanging: each call tries to open the backend and, until it
/// opens, fails with the backend's own error, which the pollers retry with backoff. Calls that
/// arrive while an attempt is under way wait for that attempt rather than start their own, so
/// the panes polling at once never open more than one backend.
///
/// A refused login (a wrong password, an unknown database, at start-up or when the backend
/// logs in again after losing its session) is remembered for `retryWindow`: until then every
/// call fails with it at once, without contacting the server, so however many panes poll, the
/// server sees one login attempt per window. `reconnectNow()` ends the wait early.
public actor ReconnectingReader: DashboardReading, DataVersionReading {
  /// How long a refused login is answered from memory, unless `reconnectNow()` is called.
  public static let defaultRetryWindow: Duration = .seconds(60)

  private struct Refusal {
    var error: StoreError
    var retryAt: Date
  }

  private let open: @Sendable () async throws -> any DashboardReading
  private let now: @Sendable () -> Date
  private let retryWindow: TimeInterval
  private var reader: (any DashboardReading)?
  /// Changes whenever `reader` is replaced or dropped, so the failure of a call made on an
  /// earlier backend is told apart from one of the current backend.
  private var generation = 0
  private var opening: _Concurrency.Task<any DashboardReading, any Error>?
  private var refusal: Refusal?
  private var isClosed = false

  /// A reader that opens its backend with `open`; `initial` is an already open backend.
  ///
  /// - Parameters:
  ///   - retryWindow: how long a refused login is remembered.
  ///   - now: the time, injected so that tests move it by hand.
  public init(
    initial: (any DashboardReading)? = nil, retryWindow: Duration = defaultRetryWindow,
    now: @escaping @Sendable () -> Date = { Date() },
    open: @escaping @Sendable () async throws -> any DashboardReading
  ) {
    self.reader = initial
    self.retryWindow = retryWindow.seconds
    self.now = now
    self.open = open
  }

  /// A reader whose first calls wait for `opening`, an attempt already under way, and that
  /// opens its backend with `open` if that attempt fails.
  public init(
    opening: _Concurrency.Task<any DashboardReading, any Error>, retryWindow: Duration = defaultRetryWindow,
    now: @escaping @Sendable () -> Date = { Date() },
    open: @escaping @Sendable () async throws -> any DashboardReading
  ) {
    self.opening = opening
    self.retryWindow = retryWindow.seconds
    self.now = now
    self.open = open
  }

  public func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    try await read { try await $0.tasks(query) }
  }

  public func runs(_ query: RunQuery) async throws -> [RunRow] {
    try await read { try await $0.runs(query) }
  }

  public func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    try await read { try await $0.metrics(query) }
  }

  public func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    try await read { try await $0.artifacts(query) }
  }

  public func artifact(id: UUID) async throws -> ArtifactRow? {
    try await read { try await $0.artifact(id: id) }
  }

  public func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    try await read { try await $0.artifactContent(id: id, offset: offset, length: length) }
  }

  public func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    try await read { try await $0.runDocument(id: id, document, offset: offset, length: length) }
  }

  public func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    try await read { try await $0.runPage(id: id, documentLimit: documentLimit) }
  }

  public func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    try await read { try await $0.taskPage(id: id, durationRuns: durationRuns) }
  }

  public func recentFailures(_ query: FailureWatchQuery) async throws -> [RunRow] {
    try await read { try await $0.recentFailures(query) }
  }

  public func taskID(named name: String) async throws -> UUID? {
    try await read { try await $0.taskID(named: name) }
  }

  public func runID(taskName: String, number: Int) async throws -> UUID? {
    try await read { try await $0.runID(taskName: taskName, number: number) }
  }

  public func metricSummaries(runID: UUID, maxNames: Int, pointLimit: Int) async throws -> [MetricSummary] {
    try await read { try await $0.metricSummaries(runID: runID, maxNames: maxNames, pointLimit: pointLimit) }
  }

  public func health() async throws -> Health {
    try await read { try await $0.health() }
  }

  public func close() async {
    isClosed = true
    await reader?.close()
    reader = nil
  }

  /// Forgets a refused login, so the next call tries to open the backend at once.
  public func reconnectNow() async {
    refusal = nil
  }

  public func metricHistory(_ query: MetricHistoryQuery) async throws -> MetricHistory {
    try await read { try await $0.metricHistory(query) }
  }

  public func failureGroups(_ query: FailureGroupQuery, now: Date) async throws -> FailureGroups {
    try await read { try await $0.failureGroups(query, now: now) }
  }

  public func failureRuns(_ query: FailureRunQuery, now: Date) async throws -> [RunRow] {
    try await read { try await $0.failureRuns(query, now: now) }
  }

  /// The backend's data version; nil when the backend cannot tell.
  public func dataVersion() async throws -> Int64? {
    try await read { try await ($0 as? any DataVersionReading)?.dataVersion() }
  }

  // MARK: - Private

  private func read<T: Sendable>(_ body: @Sendable (any DashboardReading) async throws -> T) async throws -> T {
    let (backend, used) = try await backend()
    do {
      return try await body(backend)
    } catch {
      throw await failed(error, onGeneration: used)
    }
  }

  private func backend() async throws -> (reader: any DashboardReading, generation: Int) {
    if isClosed { throw StoreError.closed }
    if let reader { return (reader, generation) }
    if let refusal, now() < refusal.retryAt { throw refusal.error }
    let attempt = opening ?? _Concurrency.Task { [open] in try await open() }
    opening = attempt
    let result = await attempt.result
    if opening == attempt {
      // The first caller back from the attempt records its outcome for everyone.
      opening = nil
      switch result {
      case .success: refusal = nil
      case .failure(let error): remember(error)
      }
    }
    let opened = try result.get()
    // close() may have run while the backend was opening.
    if isClosed {
      await opened.close()
      throw StoreError.closed
    }
    if reader == nil {
      reader = opened
      generation += 1
    }
    return (opened, generation)
  }

  /// What a failed call throws. A backend whose new login was refused is dropped, so that the
  /// next attempt goes through `open` (once per window) rather than through every caller.
  private func failed(_ error: any Error, onGeneration used: Int) async -> any Error {
    if used == generation, let dropped = reader, case .authentication = error as? StoreError {
      reader = nil
      generation += 1
      remember(error)
      await dropped.close()
      return error
    }
    // A call that was under way on a backend dropped after a refused login (its own error may
    // only say the backend was closed): the refusal is the answer.
    if used != generation, let refusal { return refusal.error }
    return error
  }

  private func remember(_ error: any Error) {
    guard let storeError = error as? StoreError, !storeError.isRetryable else { return }
    refusal = Refusal(error: storeError, retryAt: now().addingTimeInterval(retryWindow))
  }
}
