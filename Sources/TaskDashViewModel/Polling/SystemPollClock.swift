import Foundation

/// The real clock: `Date()` for stamps and `Task.sleep` for waiting.
public struct SystemPollClock: PollClock {
  /// Creates the system clock.
  public init() {}

  public var now: Date { Date() }

  public func sleep(until deadline: Date) async throws {
    let remaining = deadline.timeIntervalSinceNow
    if remaining > 0 {
      try await Task.sleep(for: .seconds(remaining))
    } else {
      try Task.checkCancellation()
    }
  }
}
