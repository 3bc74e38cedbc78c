import Foundation
import TaskDashStore
import TaskDashViewModel

/// The one clock of the tests: it moves only when told to.
///
/// Sleepers wake when `advance(by:)` or `advance(to:)` moves the time past their deadline,
/// so a test controls exactly when a poller polls again; code that takes a `now` closure
/// instead (the reconnecting reader, the simulator) reads `now` and is moved by `advance`.
public final class ManualClock: PollClock, @unchecked Sendable {
  private struct Sleeper {
    var deadline: Date
    var continuation: CheckedContinuation<Void, any Error>
  }

  private struct Waiter {
    var count: Int
    var continuation: CheckedContinuation<Void, Never>
  }

  // Guards every stored property below; continuations are always resumed outside it.
  private let lock = NSLock()
  private var current: Date
  private var sleepers: [Int: Sleeper] = [:]
  private var waiters: [Waiter] = []
  private var nextID = 0

  /// Creates a clock showing `start`.
  public init(start: Date = Date(timeIntervalSinceReferenceDate: 0)) {
    current = start
  }

  /// The time as last set by `advance`.
  public var now: Date { lock.withLock { current } }

  /// How many tasks are sleeping on this clock right now.
  public var sleeperCount: Int { lock.withLock { sleepers.count } }

  /// Suspends until `advance` reaches `deadline`, or throws `CancellationError` when cancelled.
  public func sleep(until deadline: Date) async throws {
    let id = lock.withLock {
      nextID += 1
      return nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        enum Outcome { case wake, cancel, sleep }
        let (outcome, ready): (Outcome, [Waiter]) = lock.withLock {
          if Task.isCancelled { return (.cancel, []) }
          if deadline <= current { return (.wake, []) }
          sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
          return (.sleep, takeReadyWaiters())
        }
        switch outcome {
        case .wake: continuation.resume()
        case .cancel: continuation.resume(throwing: CancellationError())
        case .sleep: break
        }
        for waiter in ready { waiter.continuation.resume() }
      }
    } onCancel: {
      let sleeper = lock.withLock { sleepers.removeValue(forKey: id) }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }

  /// Moves the time forward by `duration` and wakes every sleeper whose deadline has come.
  public func advance(by duration: Duration) {
    let due = lock.withLock {
      current = current.adding(duration)
      return takeDueSleepers()
    }
    for sleeper in due { sleeper.continuation.resume() }
  }

  /// Moves the time to `date` (never backwards) and wakes every sleeper whose deadline has come.
  public func advance(to date: Date) {
    let due = lock.withLock {
      current = max(current, date)
      return takeDueSleepers()
    }
    for sleeper in due { sleeper.continuation.resume() }
  }

  /// Returns once at least `count` tasks are sleeping on this clock.
  public func waitForSleepers(_ count: Int = 1) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let ready = lock.withLock {
        if sleepers.count >= count { return true }
        waiters.append(Waiter(count: count, continuation: continuation))
        return false
      }
      if ready { continuation.resume() }
    }
  }

  // MARK: - Private (called with the lock held)

  private func takeDueSleepers() -> [Sleeper] {
    let due = sleepers.filter { $0.value.deadline <= current }.sorted { $0.value.deadline < $1.value.deadline }
    for (id, _) in due { sleepers[id] = nil }
    return due.map(\.value)
  }

  private func takeReadyWaiters() -> [Waiter] {
    let ready = waiters.filter { $0.count <= sleepers.count }
    waiters.removeAll { $0.count <= sleepers.count }
    return ready
  }
}
