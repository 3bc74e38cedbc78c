/// Neighbouring cells of one row that changed between two frames: what a backend writes.
///
/// A run never starts on the right half of a wide glyph and never ends between the halves
/// of one, so the backend can write `cells` from (`x`, `y`) in one go, skipping continuation
/// cells (the glyph to their left already covers them).
public struct CellRun: Hashable, Sendable {
  /// The column of the first cell.
  public var x: Int
  /// The row.
  public var y: Int
  /// The cells, left to right.
  public var cells: [Cell]

  /// Creates a run.
  public init(x: Int, y: Int, cells: [Cell]) {
    self.x = x
    self.y = y
    self.cells = cells
  }

  /// The glyphs of the run as text, continuation cells skipped.
  public var text: String {
    cells.reduce(into: "") { $0 += $1.glyph }
  }
}
