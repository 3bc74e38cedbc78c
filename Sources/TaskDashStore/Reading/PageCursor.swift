import Foundation

/// A keyset position in a newest-first list: the page continues with rows strictly older.
///
/// Keyset pagination keeps every page an index range scan, whatever the page number.
public struct PageCursor: Hashable, Sendable {
  public var createdAt: Date
  public var id: UUID

  /// Creates a cursor after the row with this creation time and id.
  public init(createdAt: Date, id: UUID) {
    self.createdAt = createdAt
    self.id = id
  }
}
