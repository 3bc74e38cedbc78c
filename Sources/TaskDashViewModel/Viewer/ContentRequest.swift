import Foundation

/// A window of an artifact's content: `length` bytes from byte `offset`.
public struct ContentRequest: Hashable, Sendable {
  public var artifactID: UUID
  public var offset: Int64
  public var length: Int

  /// Creates a request.
  public init(artifactID: UUID, offset: Int64, length: Int) {
    self.artifactID = artifactID
    self.offset = offset
    self.length = length
  }
}
