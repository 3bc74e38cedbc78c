/// How long a poller waits before retrying after a failure.
///
/// Retryable failures (a lost connection, a timeout) back off exponentially with full jitter:
/// a random delay between `floor` and `min(cap, base · 2^(attempt-1))`, so many dashboards
/// losing one server do not reconnect in lockstep. Failures that a retry cannot fix (a bad
/// password, a schema mismatch) are retried slowly, at `permanentRetry`, never in a tight loop.
public struct Backoff: Hashable, Sendable {
  /// The ceiling of the first retry's random delay.
  public var base: Duration
  /// The largest ceiling, reached after a few failures.
  public var cap: Duration
  /// The shortest delay, whatever the random draw.
  public var floor: Duration
  /// The fixed delay after a failure that is not retryable.
  public var permanentRetry: Duration

  /// Creates a policy; the defaults go from about 1 s to 30 s, and 60 s for permanent failures.
  public init(
    base: Duration = .seconds(1), cap: Duration = .seconds(30), floor: Duration = .milliseconds(250),
    permanentRetry: Duration = .seconds(60)
  ) {
    self.base = base
    self.cap = cap
    self.floor = floor
    self.permanentRetry = permanentRetry
  }

  /// The upper bound of the delay after the `attempt`-th failure in a row (1-based).
  public func ceiling(attempt: Int) -> Duration {
    // 2^20 · base is far past any sensible cap; stopping there avoids overflow.
    let doublings = min(max(attempt - 1, 0), 20)
    return min(cap, base * (1 << doublings))
  }

  /// The delay after the `attempt`-th failure in a row; `jitter` is a uniform draw in [0, 1).
  public func delay(attempt: Int, retryable: Bool, jitter: Double) -> Duration {
    guard retryable else { return permanentRetry }
    let unit = min(max(jitter, 0), 1)
    return max(floor, .seconds(ceiling(attempt: attempt).seconds * unit))
  }
}
