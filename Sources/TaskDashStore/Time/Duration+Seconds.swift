import Foundation

extension Duration {
  /// The duration in seconds as a floating-point value, for arithmetic with `Date`.
  public var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}

extension Date {
  /// This date moved forward by `duration`.
  public func adding(_ duration: Duration) -> Date {
    addingTimeInterval(duration.seconds)
  }

  /// The time from `earlier` to this date; negative when `earlier` is later.
  public func duration(since earlier: Date) -> Duration {
    .seconds(timeIntervalSince(earlier))
  }
}
