/// A run of a line's text, and whether it is a search match.
public struct ContentSegment: Hashable, Sendable {
  /// How a segment is highlighted.
  public enum Highlight: Hashable, Sendable {
    case none
    /// Matches the search.
    case match
    /// The match `n`/`N` moved to.
    case currentMatch
  }

  /// The artifact's own text, not yet sanitized.
  public var text: String
  /// Whether the segment is a search match.
  public var highlight: Highlight

  /// Creates a segment.
  public init(_ text: String, highlight: Highlight = .none) {
    self.text = text
    self.highlight = highlight
  }
}
