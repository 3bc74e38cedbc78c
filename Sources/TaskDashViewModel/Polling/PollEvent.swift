import Foundation

/// What a `Poller` reports after each poll.
public enum PollEvent<Value: Equatable & Sendable>: Equatable, Sendable {
  /// A value different from the last one reported.
  case value(Value, at: Date)
  /// The poll succeeded and found the same value as last time (only the time is new).
  case unchanged(at: Date)
  /// The poll failed; the poller retries at `failure.retryAt`.
  case failure(LoadFailure)
}
