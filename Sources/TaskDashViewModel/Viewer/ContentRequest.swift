import Foundation

/// A window of an artifact's content: `length` bytes from byte `offset`.
public struct ContentRequest: Hashable, Sendable {
  /// The artifact whose content is read.
  public var artifactID: UUID
  /// The first byte.
  public var offset: Int64
  /// The most bytes to read.
  public var length: Int

  /// Creates a request.
  public init(artifactID: UUID, offset: Int64, length: Int) {
    self.artifactID = artifactID
    self.offset = offset
    self.length = length
  }
}
