/// The viewer's search: the query, where it stands, and the current match.
public struct ViewerSearch: Equatable, Sendable {
  /// Where a search stands.
  public enum Status: Hashable, Sendable {
    /// Scanning (content windows are being read).
    case searching
    /// A match is current; `wrapped` when the search went past an end and started over.
    case found(wrapped: Bool)
    /// No match anywhere.
    case notFound
    /// Reading content failed while searching.
    case stopped
  }

  /// The query as typed.
  public internal(set) var query: String
  /// Searching, found, not found, or stopped.
  public internal(set) var status: Status
  /// Byte offset of the current match.
  public internal(set) var currentMatch: Int64?
  let matcher: ByteSearch
}
