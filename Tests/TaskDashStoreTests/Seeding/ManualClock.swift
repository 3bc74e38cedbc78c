import Foundation
import Synchronization

/// A clock that moves only when the code under test sleeps on it.
final class ManualClock: Sendable {
  private let current: Mutex<Date>

  init(_ start: Date) {
    current = Mutex(start)
  }

  /// The current time.
  var now: Date { current.withLock { $0 } }

  /// Moves the clock forward instead of waiting.
  func sleep(_ seconds: Double) {
    current.withLock { $0 += seconds }
  }
}
