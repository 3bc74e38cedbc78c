import Foundation
import TaskDashStore

/// Polls one data set: the first value at once, then one poll per interval.
///
/// - At most one poll is in flight: the next one is armed only after the previous one
///   finished, so a slow database never piles up queries. Restarting with a new query
///   cancels the running poll and waits for it to end before the new query runs.
/// - A value equal to the last one is reported as `.unchanged`, without the value.
/// - A failure is reported, never fatal; the poller retries after `Backoff`'s delay.
/// - Polls are due at a fixed rate: one interval after the previous one was due, not after it
///   ended, so pollers started together stay together (their results share a redraw) instead
///   of drifting apart by their read times. A poll that overran its slot waits a whole
///   interval from its end, so a slow database is not queried back to back.
/// - `refreshNow()` ends the current wait (including a backoff wait); `setInterval(_:)`
///   re-times the current wait from when the last poll was due.
public actor Poller<Value: Equatable & Sendable> {
  /// Reads the data set once.
  public typealias Fetch = @Sendable () async throws -> Value

  private enum Phase {
    case idle
    case fetching
    case waiting(due: Date, pacedByInterval: Bool)
  }

  private let clock: any PollClock
  private let backoff: Backoff
  private let jitter: @Sendable () -> Double
  private var interval: Duration
  private var loop: Task<Void, Never>?
  private var phase = Phase.idle
  private var deadline: Date?
  private var poked = false
  private var sleeper: Task<Void, Never>?

  /// Creates a stopped poller.
  ///
  /// - Parameters:
  ///   - clock: time for stamps and waits.
  ///   - interval: time from one successful poll being due to the next being due.
  ///   - backoff: the retry policy after failures.
  ///   - jitter: a uniform random draw in [0, 1), injected so tests are deterministic.
  public init(
    clock: any PollClock, interval: Duration, backoff: Backoff = Backoff(),
    jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.clock = clock
    self.interval = interval
    self.backoff = backoff
    self.jitter = jitter
  }

  /// Starts polling with `fetch`, replacing whatever was polled before; `onEvent` is called
  /// after every poll of this `fetch` (never for a replaced one).
  public func start(_ fetch: @escaping Fetch, onEvent: @escaping @Sendable (PollEvent<Value>) -> Void) {
    let previous = loop
    previous?.cancel()
    loop = Task {
      // The previous poll may still be in flight; waiting keeps one query at a time.
      await previous?.value
      await self.run(fetch, onEvent: onEvent)
    }
  }

  /// Stops polling; a poll in flight is cancelled and its result is not reported.
  ///
  /// A later `start` still waits for that poll to end, so even across a stop there is never
  /// more than one poll in flight.
  public func stop() {
    loop?.cancel()
  }

  /// Polls now if the poller is waiting (after a success or a failure).
  public func refreshNow() {
    guard case .waiting = phase else { return }
    poked = true
    sleeper?.cancel()
  }

  /// Polls as soon as it can: now if waiting, or once more right after the poll in flight (which
  /// may have read before the change that asks for this). Several calls before that poll
  /// starts ask for one poll.
  public func pollSoon() {
    if case .idle = phase { return }
    poked = true
    sleeper?.cancel()
  }

  /// Changes the interval; the current wait is re-timed from when the last poll was due.
  public func setInterval(_ newInterval: Duration) {
    interval = newInterval
    guard case .waiting(let due, pacedByInterval: true) = phase else { return }
    deadline = due.adding(newInterval)
    sleeper?.cancel()
  }

  // MARK: - Loop

  private func run(_ fetch: Fetch, onEvent: @Sendable (PollEvent<Value>) -> Void) async {
    var last: Value?
    var failures = 0
    // A refresh asked of the replaced loop is not carried over.
    poked = false
    var due = clock.now
    while !Task.isCancelled {
      phase = .fetching
      let outcome: Result<Value, any Error>
      do {
        outcome = .success(try await fetch())
      } catch {
        outcome = .failure(error)
      }
      if Task.isCancelled { break }
      let finished = clock.now
      let next: Date
      switch outcome {
      case .success(let value):
        failures = 0
        if value == last {
          onEvent(.unchanged(at: finished))
        } else {
          last = value
          onEvent(.value(value, at: finished))
        }
        let slot = due.adding(interval)
        next = slot > finished ? slot : finished.adding(interval)
      case .failure(let error):
        failures += 1
        // After a failure the next success is reported in full, so the failure clears.
        last = nil
        let storeError = StoreError(describing: error)
        let delay = backoff.delay(attempt: failures, retryable: storeError.isRetryable, jitter: jitter())
        next = finished.adding(delay)
        onEvent(.failure(LoadFailure(error: storeError, attempt: failures, at: finished, retryAt: next)))
      }
      phase = .waiting(due: due, pacedByInterval: failures == 0)
      deadline = next
      let refreshed = await waitForDeadline()
      // A refresh starts a new rhythm from now; otherwise the poll was due at its deadline,
      // however late the sleep woke.
      due = refreshed ? clock.now : deadline ?? clock.now
    }
    phase = .idle
  }

  /// Sleeps until the deadline; true when `refreshNow()` ended the wait.
  private func waitForDeadline() async -> Bool {
    while !Task.isCancelled, !poked, let deadline, clock.now < deadline {
      // The sleep runs in its own task so that refreshNow() and setInterval(_:) can end it
      // without cancelling the loop.
      let sleeper = Task { [clock] in _ = try? await clock.sleep(until: deadline) }
      self.sleeper = sleeper
      await withTaskCancellationHandler {
        await sleeper.value
      } onCancel: {
        sleeper.cancel()
      }
      self.sleeper = nil
    }
    defer { poked = false }
    return poked
  }
}
