import Foundation
import TaskDashStore

/// The runtime's worker: owns the pollers and turns effects into reads.
actor EffectExecutor {
  private let reader: any DashboardReading
  private let clock: any PollClock
  private let backoff: Backoff
  private let jitter: @Sendable () -> Double
  private let output: AsyncStream<Message>.Continuation
  private let gate: DataVersionGate?
  private var interval: Duration
  private var pollers: [PollSlot: Poller<PollValue>] = [:]
  /// The comparisons in progress, to stop when their screen goes.
  private var comparisons: [DocumentComparison: Task<Void, Never>] = [:]
  private var isFinished = false

  init(
    reader: any DashboardReading, clock: any PollClock, interval: Duration, backoff: Backoff,
    jitter: @escaping @Sendable () -> Double, output: AsyncStream<Message>.Continuation
  ) {
    self.reader = reader
    self.clock = clock
    self.interval = interval
    self.backoff = backoff
    self.jitter = jitter
    self.output = output
    gate = (reader as? any DataVersionReading).map { DataVersionGate(versions: $0, clock: clock) }
  }

  func execute(_ effect: Effect) async {
    guard !isFinished else { return }
    switch effect {
    case .startPoll(let request):
      await startPoll(request)
    case .stopPoll(let slot):
      // The poller stays, so a later start in this slot waits for a read still in flight.
      await pollers[slot]?.stop()
    case .fetchOnce(let request):
      readOnce(request)
    case .refreshPolls:
      await gate?.forgetSharedVersion()
      for poller in pollers.values { await poller.refreshNow() }
    case .reconnectNow:
      await reader.reconnectNow()
    case .setInterval(let newInterval):
      interval = newInterval
      for poller in pollers.values { await poller.setInterval(newInterval) }
    case .fetchArtifact(let id):
      readArtifact(id)
    case .fetchContent(let request):
      readContent(request)
    case .quit:
      await stopAll()
    case .alert:
      // The terminal belongs to the UI, which rings for it.
      break
    case .compareDocuments(let comparison):
      compareDocuments(comparison)
    case .stopComparison(let comparison):
      comparisons.removeValue(forKey: comparison)?.cancel()
    case .pollNow(let slots):
      await gate?.forgetSharedVersion()
      for slot in slots { await pollers[slot]?.pollSoon() }
    }
  }

  /// Stops every poller and finishes the message stream.
  func stopAll() async {
    isFinished = true
    for poller in pollers.values { await poller.stop() }
    pollers = [:]
    for comparison in comparisons.values { comparison.cancel() }
    comparisons = [:]
    output.finish()
  }

  // MARK: - Private

  private func startPoll(_ request: PollRequest) async {
    let poller: Poller<PollValue>
    if let existing = pollers[request.slot] {
      poller = existing
    } else {
      poller = Poller(clock: clock, interval: interval, backoff: backoff, jitter: jitter)
      pollers[request.slot] = poller
    }
    let (reader, output, gate) = (reader, output, gate)
    await poller.start {
      if let gate { return try await gate.read(request, from: reader) }
      return try await request.read(from: reader)
    } onEvent: { event in
      switch event {
      case .value(let value, let at): output.yield(.loaded(value, at: at))
      case .unchanged(let at): output.yield(.unchanged(request, at: at))
      case .failure(let failure): output.yield(.failed(request, failure))
      }
    }
  }

  private func readOnce(_ request: PollRequest) {
    let (reader, clock, output) = (reader, clock, output)
    Task {
      do {
        let value = try await request.read(from: reader)
        output.yield(.loaded(value, at: clock.now))
      } catch {
        let failure = LoadFailure(error: StoreError(describing: error), attempt: 1, at: clock.now, retryAt: nil)
        output.yield(.failed(request, failure))
      }
    }
  }

  private func readArtifact(_ id: UUID) {
    let (reader, clock, output) = (reader, clock, output)
    Task {
      do {
        let row = try await reader.artifact(id: id)
        output.yield(.artifactLoaded(id, row, at: clock.now))
      } catch {
        output.yield(.artifactFailed(id, StoreError(describing: error)))
      }
    }
  }

  private func compareDocuments(_ comparison: DocumentComparison) {
    let (reader, output) = (reader, output)
    comparisons[comparison] = Task {
      let diff = await DocumentComparer().compare(comparison, reader: reader)
      guard !Task.isCancelled else { return }
      output.yield(.documentsCompared(comparison, diff))
      self.finished(comparison)
    }
  }

  private func finished(_ comparison: DocumentComparison) {
    comparisons[comparison] = nil
  }

  private func readContent(_ request: ContentRequest) {
    let (reader, output) = (reader, output)
    Task {
      do {
        let bytes =
          switch request.source {
          case .artifact(let id):
            try await reader.artifactContent(id: id, offset: request.offset, length: request.length)
          case .run(let id, let document):
            try await reader.runDocument(id: id, document, offset: request.offset, length: request.length)
          }
        output.yield(.contentLoaded(request, bytes))
      } catch {
        output.yield(.contentFailed(request, StoreError(describing: error)))
      }
    }
  }
}
