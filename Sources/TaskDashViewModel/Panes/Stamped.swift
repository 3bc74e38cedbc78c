import Foundation

/// A value and the time it was read.
public struct Stamped<Value: Equatable & Sendable>: Equatable, Sendable {
  /// The value as read.
  public var value: Value
  /// When it was read.
  public var at: Date

  /// Creates a stamped value.
  public init(_ value: Value, at: Date) {
    self.value = value
    self.at = at
  }
}
