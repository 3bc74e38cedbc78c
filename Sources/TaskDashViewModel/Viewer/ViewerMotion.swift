/// A viewer movement that may have to wait for content windows; it resumes when they arrive.
enum ViewerMotion: Equatable, Sendable {
  /// A scan for the search query, continuing from a position.
  struct Scan: Equatable, Sendable {
    var forward: Bool
    /// Forward: the next start to look at; backward: the end (exclusive) of starts left.
    var position: Int64
    /// Where the search began; after wrapping it stops there.
    var origin: Int64
    var wrapped: Bool
  }

  /// Move by this many lines (negative: up).
  case lines(Int)
  /// Move by about this many screen rows of wrapped text (negative: up).
  case rows(Int)
  /// Show the last page.
  case end
  /// Bring the line holding this offset to the top.
  case reveal(Int64)
  /// Look for the next or previous match.
  case search(Scan)
}
