/// A rectangle of cells: where a widget draws.
///
/// Width and height are never negative; every helper clamps instead of failing, so layout
/// code works unchanged on a terminal of one cell or none.
public struct Rect: Hashable, Sendable {
  /// The leftmost column.
  public var x: Int
  /// The top row.
  public var y: Int
  /// Columns covered.
  public var width: Int
  /// Rows covered.
  public var height: Int

  /// Creates a rectangle; negative sizes are clamped to zero.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// The rectangle at the origin covering `size`.
  public init(size: Size) {
    self.init(x: 0, y: 0, width: size.width, height: size.height)
  }

  /// The empty rectangle at the origin.
  public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

  /// The column just right of the rectangle.
  public var maxX: Int { x + width }
  /// The row just below the rectangle.
  public var maxY: Int { y + height }
  /// Whether the rectangle holds no cell.
  public var isEmpty: Bool { width == 0 || height == 0 }
  /// The rectangle's size.
  public var size: Size { Size(width: width, height: height) }

  /// Whether the cell (`x`, `y`) is inside.
  public func contains(x: Int, y: Int) -> Bool {
    x >= self.x && x < maxX && y >= self.y && y < maxY
  }

  /// The part of both rectangles; empty (at this rectangle's origin) when they do not meet.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    guard right > left && bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  // MARK: - Insets

  /// The rectangle shrunk by `amount` on every side.
  public func inset(by amount: Int) -> Rect {
    inset(top: amount, left: amount, bottom: amount, right: amount)
  }

  /// The rectangle shrunk by `horizontal` on the left and right, `vertical` on top and bottom.
  public func inset(horizontal: Int = 0, vertical: Int = 0) -> Rect {
    inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
  }

  /// The rectangle shrunk by the given amounts; it collapses to zero size rather than inverting.
  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    let left = min(max(0, left), width)
    let top = min(max(0, top), height)
    return Rect(
      x: x + left, y: y + top, width: width - left - max(0, right), height: height - top - max(0, bottom))
  }

  // MARK: - Splitting

  /// The top `rows` rows (at most the whole height) and what is left below them.
  public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let rows = min(max(0, rows), height)
    return (Rect(x: x, y: y, width: width, height: rows), Rect(x: x, y: y + rows, width: width, height: height - rows))
  }

  /// The bottom `rows` rows (at most the whole height) and what is left above them.
  public func splitBottom(_ rows: Int) -> (bottom: Rect, rest: Rect) {
    let rows = min(max(0, rows), height)
    return (
      Rect(x: x, y: maxY - rows, width: width, height: rows), Rect(x: x, y: y, width: width, height: height - rows)
    )
  }

  /// The left `columns` columns (at most the whole width) and what is left right of them.
  public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
    let columns = min(max(0, columns), width)
    return (
      Rect(x: x, y: y, width: columns, height: height),
      Rect(x: x + columns, y: y, width: width - columns, height: height)
    )
  }

  /// The right `columns` columns (at most the whole width) and what is left of them.
  public func splitRight(_ columns: Int) -> (right: Rect, rest: Rect) {
    let columns = min(max(0, columns), width)
    return (
      Rect(x: maxX - columns, y: y, width: columns, height: height),
      Rect(x: x, y: y, width: width - columns, height: height)
    )
  }

  /// Row `index` of the rectangle, one cell high; empty when outside.
  public func row(_ index: Int) -> Rect {
    guard index >= 0 && index < height else {
      return Rect(x: x, y: y + max(0, min(index, height)), width: 0, height: 0)
    }
    return Rect(x: x, y: y + index, width: width, height: 1)
  }

  /// A rectangle of at most `width` by `height` centred in this one (rounded up and left).
  public func centered(width: Int, height: Int) -> Rect {
    let width = min(max(0, width), self.width)
    let height = min(max(0, height), self.height)
    return Rect(x: x + (self.width - width) / 2, y: y + (self.height - height) / 2, width: width, height: height)
  }
}
