extension Buffer {
  /// The whole buffer as a rectangle.
  public var area: Rect { Rect(size: size) }

  // MARK: - Text

  /// Writes `string` from column `x` of row `y`, sanitized, one grapheme per cell and wide
  /// glyphs over two; returns the column after the last cell written.
  ///
  /// Writes at most `maxWidth` cells and never past the right edge; text cut short ends in
  /// `ellipsis`, and a wide glyph that would straddle the limit becomes a space. Marks that
  /// replace control or invisible characters take `markStyle` when given.
  @discardableResult
  public mutating func put(
    string: some StringProtocol, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: String = "",
    markStyle: Style? = nil
  ) -> Int {
    guard y >= 0 && y < size.height && x < size.width else { return x }
    let visibleStart = max(0, x)
    let limit = min(maxWidth.map { $0 - (visibleStart - x) } ?? .max, size.width - visibleStart)
    guard limit > 0 else { return x }
    let clusters = TerminalText.fit(string, width: limit + (visibleStart - x), ellipsis: ellipsis)
    return write(clusters, x: x, y: y, style: style, markStyle: markStyle)
  }

  /// Writes `string` sanitized in exactly `width` cells from column `x` of row `y`: cut with `…`
  /// when it is longer, padded with spaces in `style` on the side `alignment` leaves open. What
  /// `put(string: TerminalText.pad(string, …))` writes, without laying the text out twice.
  public mutating func put(
    string: some StringProtocol, x: Int, y: Int, width: Int, alignment: Alignment, style: Style
  ) {
    guard width > 0, x >= 0, x + width <= size.width else {
      put(
        string: TerminalText.pad(string, toWidth: width, alignment: alignment), x: x, y: y, style: style,
        maxWidth: width)
      return
    }
    let clusters = TerminalText.fit(string, width: width, ellipsis: "…")
    let gap = max(0, width - clusters.reduce(0) { $0 + $1.width })
    let lead =
      switch alignment {
      case .left: 0
      case .right: gap
      case .center: gap / 2
      }
    for column in x..<x + lead { place(" ", width: 1, x: column, y: y, style: style) }
    let end = write(clusters, x: x + lead, y: y, style: style, markStyle: nil)
    for column in end..<x + width { place(" ", width: 1, x: column, y: y, style: style) }
  }

  /// Writes laid-out clusters starting at column `x`, skipping those left of column
  /// `clip`; a wide glyph cut by the clip leaves a space.
  mutating func write(
    _ clusters: [TerminalText.FittedCluster], x: Int, y: Int, style: Style, markStyle: Style?, clip: Int = 0
  ) -> Int {
    var column = x
    for cluster in clusters {
      let start = column
      column += cluster.width
      guard column > clip else { continue }
      let cellStyle = cluster.kind == .text ? style : (markStyle ?? style)
      if start < clip {
        for blank in clip..<column { place(" ", width: 1, x: blank, y: y, style: cellStyle) }
      } else {
        place(cluster.glyph, width: cluster.width, x: start, y: y, style: cellStyle)
      }
    }
    return column
  }

  /// Puts one glyph at (`x`, `y`), keeping wide glyphs whole: a wide glyph it overlaps
  /// is replaced by a space, and a wide glyph with no room for its right half becomes one.
  mutating func place(_ glyph: String, width: Int, x: Int, y: Int, style: Style) {
    guard contains(x: x, y: y) else { return }
    let span = width == 2 && x + 1 < size.width ? 2 : 1
    if self[x, y].isContinuation {
      self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
    }
    if contains(x: x + span, y: y) && self[x + span, y].isContinuation {
      self[x + span, y] = Cell(" ", style: self[x + span, y].style)
    }
    if width == 2 && span == 1 {
      self[x, y] = Cell(" ", style: style)
    } else {
      self[x, y] = Cell(glyph, style: style)
      if span == 2 { self[x + 1, y] = Cell("", style: style) }
    }
  }

  // MARK: - Areas

  /// Fills `rect` (clipped to the buffer) with copies of a one-cell-wide `cell`.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let rect = rect.intersection(area)
    for y in rect.y..<rect.maxY {
      for x in rect.x..<rect.maxX {
        place(cell.glyph, width: 1, x: x, y: y, style: cell.style)
      }
    }
  }

  /// Blanks `rect`, or the whole buffer.
  public mutating func clear(_ rect: Rect? = nil) {
    fill(rect ?? area, with: .blank)
  }

  /// Gives every cell of `rect` `style`, keeping the glyphs.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let rect = rect.intersection(area)
    for y in rect.y..<rect.maxY {
      for x in rect.x..<rect.maxX {
        self[x, y].style = style
      }
    }
  }
}
