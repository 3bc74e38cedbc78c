/// A search in a page: the query, whether it was found, and the line of the match.
public struct PageSearch: Hashable, Sendable {
  /// The query as typed.
  public internal(set) var query: String
  /// Found (and whether the search wrapped around) or not found.
  public internal(set) var status: ViewerSearch.Status
  /// The line of the current match.
  public internal(set) var line: Int?
}
