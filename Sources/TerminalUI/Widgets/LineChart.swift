/// A line chart in braille dots (2 × 4 per cell) that draws each column's whole range.
///
/// Each dot column is one column of a series: a vertical run of dots from its `low` to its
/// `high`, stretched to reach the previous column's `last`, so neighbouring columns join into a
/// line (across columns with no value too) and a single extreme value shows as a spike to its
/// height, never averaged away. Values
/// map linearly from `bottom` (lowest dot row) to `top` (highest); values outside are clamped.
/// Where two series share a cell the first one (the main series) takes it.
///
/// On a terminal whose locale is not UTF-8 the braille cells are written as ASCII shapes
/// (`'`, `.`, `|`) by the terminal backend, like the sparkline's blocks.
public struct LineChart: Widget {
  /// The value range of one dot column, or nil where it has no value.
  public struct Column: Hashable, Sendable {
    public var low: Double
    public var high: Double
    /// The value the line leaves the column at, joining the next column.
    public var last: Double

    /// Creates a column.
    public init(low: Double, high: Double, last: Double) {
      self.low = low
      self.high = high
      self.last = last
    }
  }

  /// One series: a column per dot column from the left, and its style.
  public struct Series: Hashable, Sendable {
    public var columns: [Column?]
    public var style: Style

    /// Creates a series.
    public init(columns: [Column?], style: Style) {
      self.columns = columns
      self.style = style
    }
  }

  /// The series, the one drawn on top first.
  public var series: [Series]
  /// The value of the lowest dot row.
  public var bottom: Double
  /// The value of the highest dot row.
  public var top: Double
  /// The dot column under the cursor, whose cell column is drawn in `cursorStyle`.
  public var cursor: Int?
  /// The cursor column's style.
  public var cursorStyle: Style

  /// Creates a chart.
  public init(series: [Series], bottom: Double, top: Double, cursor: Int? = nil, cursorStyle: Style = .plain) {
    self.series = series
    self.bottom = bottom
    self.top = top
    self.cursor = cursor
    self.cursorStyle = cursorStyle
  }

  /// Braille dot bits by column (0, 1) and row (0 at the top, 3 at the bottom).
  private static let dotBits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// Draws into `area`; `style` replaces every series' style.
  public func draw(in buffer: inout Buffer, area: Rect, style: Style? = nil) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let cursorCell = cursor.map { $0 / 2 }
    var taken = Set<Int>()
    for entry in series {
      let bits = dots(of: entry, width: area.width, height: area.height)
      for (cell, mask) in bits where mask != 0 && !taken.contains(cell) {
        taken.insert(cell)
        let x = cell % area.width
        let glyph = String(Character(Unicode.Scalar(0x2800 + mask)!))
        let drawn = cursorCell == x ? cursorStyle : (style ?? entry.style)
        buffer.place(glyph, width: 1, x: area.x + x, y: area.y + cell / area.width, style: drawn)
      }
    }
    if let cursorCell, cursorCell < area.width {
      for row in 0..<area.height where !taken.contains(row * area.width + cursorCell) {
        buffer.place(" ", width: 1, x: area.x + cursorCell, y: area.y + row, style: cursorStyle)
      }
    }
  }

  /// The braille bits of each cell (row-major index) one series sets.
  ///
  /// Columns with no value between two with values (a series sampled more sparsely than the
  /// chart has dot columns) are bridged by a straight line, as a line chart joins its points.
  private func dots(of entry: Series, width: Int, height: Int) -> [Int: UInt32] {
    let rows = height * 4
    var cells: [Int: UInt32] = [:]
    func set(_ index: Int, from first: Int, to second: Int) {
      for dotRow in min(first, second)...max(first, second) {
        cells[(dotRow / 4) * width + index / 2, default: 0] |= Self.dotBits[index % 2][dotRow % 4]
      }
    }
    var previous: (index: Int, lastRow: Int)?
    for (index, column) in entry.columns.prefix(width * 2).enumerated() {
      guard let column else { continue }
      let upper = row(of: column.high, rows: rows)
      let lower = row(of: column.low, rows: rows)
      var joined: Int?
      if let previous {
        // Where the line enters this column: the point of its range nearest the previous last.
        let entry = min(max(previous.lastRow, upper), lower)
        var bridged = previous.lastRow
        let gap = index - previous.index
        for missing in stride(from: previous.index + 1, to: index, by: 1) {
          let step = Double(missing - previous.index) / Double(gap)
          let dotRow = previous.lastRow + Int((Double(entry - previous.lastRow) * step).rounded())
          set(missing, from: bridged, to: dotRow)
          bridged = dotRow
        }
        joined = bridged
      }
      set(index, from: min(upper, joined ?? upper), to: max(lower, joined ?? lower))
      previous = (index, row(of: column.last, rows: rows))
    }
    return cells
  }

  /// The dot row (0 at the top) of `value`; a flat range draws in the middle, +infinity at the
  /// top and -infinity or NaN at the bottom.
  private func row(of value: Double, rows: Int) -> Int {
    if value == .infinity { return 0 }
    if !value.isFinite { return rows - 1 }
    guard top > bottom else { return rows / 2 }
    // Two huge values of opposite sign are more than the largest double apart: halved, their
    // difference stays finite.
    let span = top - bottom
    let raw = span.isFinite ? (value - bottom) / span : (value / 2 - bottom / 2) / (top / 2 - bottom / 2)
    let fraction = min(max(raw.isNaN ? 0 : raw, 0), 1)
    return rows - 1 - Int((fraction * Double(rows - 1)).rounded())
  }
}
