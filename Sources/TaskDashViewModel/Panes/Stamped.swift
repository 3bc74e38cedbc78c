import Foundation

/// A value and the time it was read.
public struct Stamped<Value: Equatable & Sendable>: Equatable, Sendable {
  public var value: Value
  public var at: Date

  /// Creates a stamped value.
  public init(_ value: Value, at: Date) {
    self.value = value
    self.at = at
  }
}
