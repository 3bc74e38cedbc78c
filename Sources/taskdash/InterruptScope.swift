import Foundation

/// Runs work that Ctrl-C (SIGINT) and SIGTERM cancel instead of killing the process.
///
/// Cancelling lets the work stop at its next safe point (between batches or ticks) and roll
/// back or finish cleanly. A second signal exits at once: the database rolls back an open
/// transaction when its connection goes away.
enum InterruptScope {
  /// Runs `body` in a task that the first SIGINT or SIGTERM cancels.
  static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let work = Task { try await body() }
    let signals = [SIGINT, SIGTERM]
    let count = Counter()
    let sources = signals.map { number -> any DispatchSourceSignal in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        if count.increment() > 1 { _exit(130) }
        work.cancel()
      }
      source.resume()
      return source
    }
    defer {
      for source in sources { source.cancel() }
      for number in signals { signal(number, SIG_DFL) }
    }
    return try await withTaskCancellationHandler {
      try await work.value
    } onCancel: {
      work.cancel()
    }
  }

  /// A thread-safe counter of signals received.
  private final class Counter: @unchecked Sendable {
    // Safety: `value` is only touched while `lock` is held.
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }
}
