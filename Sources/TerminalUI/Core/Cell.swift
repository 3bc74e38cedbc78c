/// One screen cell: a glyph and its style.
///
/// A wide glyph (CJK, most emoji) occupies its cell and the next; the next holds
/// `Cell.continuation` so that a diff never writes into the second half of a wide glyph.
public struct Cell: Hashable, Sendable {
  /// The grapheme shown, already sanitized; a single space for an empty cell.
  public var glyph: String
  public var style: Style

  /// Creates a cell.
  public init(_ glyph: String = " ", style: Style = .plain) {
    self.glyph = glyph
    self.style = style
  }

  /// An empty cell in the plain style.
  public static let blank = Cell()

  /// The right half of a wide glyph: drawn by the glyph to its left.
  public static let continuation = Cell("")

  /// Whether this cell is the right half of a wide glyph.
  public var isContinuation: Bool { glyph.isEmpty }
}
