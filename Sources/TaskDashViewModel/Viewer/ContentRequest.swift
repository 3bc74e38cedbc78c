import Foundation

/// A window of stored content: `length` bytes from byte `offset`.
public struct ContentRequest: Hashable, Sendable {
  /// Whose content is read.
  public var source: ContentSource
  /// The first byte.
  public var offset: Int64
  /// The most bytes to read.
  public var length: Int

  /// Creates a request.
  public init(_ source: ContentSource, offset: Int64, length: Int) {
    self.source = source
    self.offset = offset
    self.length = length
  }
}
