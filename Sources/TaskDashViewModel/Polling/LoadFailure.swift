import Foundation
import TaskDashStore

/// A failed poll: what went wrong, how many times in a row, and when the next try is.
public struct LoadFailure: Hashable, Sendable {
  /// The error, worded for the operator.
  public var error: StoreError
  /// Failures in a row, counting this one (1 for the first).
  public var attempt: Int
  /// When the poll failed.
  public var at: Date
  /// When the poller tries again (unless `r` asks sooner); nil when nothing retries (a
  /// one-off read while paused).
  public var retryAt: Date?

  /// Creates a failure.
  public init(error: StoreError, attempt: Int, at: Date, retryAt: Date?) {
    self.error = error
    self.attempt = attempt
    self.at = at
    self.retryAt = retryAt
  }
}
