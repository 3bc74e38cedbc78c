/// A grid of cells that widgets draw into; the terminal backend copies it to the screen.
public struct Buffer: Hashable, Sendable {
  public private(set) var size: Size
  public private(set) var cells: [Cell]

  /// A buffer of `size` filled with blank cells.
  public init(size: Size) {
    self.size = size
    self.cells = Array(repeating: .blank, count: size.width * size.height)
  }

  /// The cell at column `x`, row `y`; blank outside the buffer.
  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x: x, y: y) ? cells[y * size.width + x] : .blank }
    set {
      if contains(x: x, y: y) { cells[y * size.width + x] = newValue }
    }
  }

  /// Whether (`x`, `y`) is inside the buffer.
  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < size.width && y < size.height
  }

  /// Each row as plain text (continuation cells skipped): what tests compare frames against.
  public var rows: [String] {
    (0..<size.height).map { y in
      (0..<size.width).reduce(into: "") { line, x in line += self[x, y].glyph }
    }
  }
}
