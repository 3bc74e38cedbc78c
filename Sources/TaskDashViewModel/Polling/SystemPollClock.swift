import Foundation

/// The real clock: `Date()` for stamps and `Task.sleep` for waiting.
public struct SystemPollClock: PollClock {
  /// Creates the system clock.
  public init() {}

  /// The system's wall time.
  public var now: Date { Date() }

  /// Sleeps for the time left until `deadline`.
  public func sleep(until deadline: Date) async throws {
    let remaining = deadline.timeIntervalSinceNow
    if remaining > 0 {
      try await Task.sleep(for: .seconds(remaining))
    } else {
      try Task.checkCancellation()
    }
  }
}
