/// Lines of styled text in a scrolling window: the artifact viewer, a page and the help text.
///
/// Scrolls by whole source lines; long lines are either cut at the right edge or wrapped onto
/// the following rows. Wrapping breaks anywhere (as a pager does, so that text keeps its
/// exact columns) or, with `breaksAtWords`, between words with continuation rows under the
/// line's own indent (prose and values read as paragraphs). Search matches
/// (case-insensitive, on the text as shown) are drawn in `matchStyle`.
public struct TextView: Hashable, Sendable {
  /// The content, one entry per line.
  public var lines: [[Span]]
  /// The first line shown.
  public var offset: Int
  /// Rows of the first line's wrapped text left above the area: the end of a line taller than
  /// what is left of the screen, so that the last line can sit at the bottom.
  public var hiddenRows = 0
  /// Whether long lines continue on the next rows.
  public var wrap: Bool
  /// Whether wrapping breaks between words and indents continuation rows.
  public var breaksAtWords: Bool
  /// Text to highlight wherever it occurs; nil or empty for none.
  public var search: String?
  /// The style of search matches.
  public var matchStyle: Style

  /// Creates a text view.
  public init(
    lines: [[Span]], offset: Int = 0, wrap: Bool = false, breaksAtWords: Bool = false, search: String? = nil,
    matchStyle: Style = Style(reverse: true)
  ) {
    self.lines = lines
    self.offset = max(0, offset)
    self.wrap = wrap
    self.breaksAtWords = breaksAtWords
    self.search = search
    self.matchStyle = matchStyle
  }

  /// The rows `line` takes in `width` columns when wrapped as this view wraps it.
  public func rowCount(of line: [Span], width: Int) -> Int {
    guard wrap, width > 0 else { return 1 }
    let clusters = TerminalText.fit(line.map(\.text), width: .max, ellipsis: "")
    return (places(for: clusters, width: width).last { $0 != nil }??.row ?? 0) + 1
  }

  // MARK: - Drawing

  /// Draws the lines from `offset` into `area`.
  public func draw(in buffer: inout Buffer, area: Rect) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let needle = TextView.needle(for: search ?? "")
    var y = area.y - (wrap ? max(0, hiddenRows) : 0)
    var index = offset
    while y < area.maxY && index < lines.count {
      y = drawLine(lines[index], needle: needle, in: &buffer, area: area, y: y) + 1
      index += 1
    }
  }

  /// Draws one line from row `y`; returns the last row it used.
  private func drawLine(_ line: [Span], needle: [String], in buffer: inout Buffer, area: Rect, y: Int) -> Int {
    let room = wrap ? area.width * (area.maxY - y) : area.width
    let clusters = TerminalText.fit(line.map(\.text), width: room, ellipsis: "")
    var highlighted = Set<Int>()
    if !needle.isEmpty {
      for range in TextView.ranges(of: needle, in: clusters.map { $0.glyph.lowercased() }) {
        highlighted.formUnion(range)
      }
    }
    let places = places(for: clusters, width: area.width)
    var last = y
    for (position, cluster) in clusters.enumerated() {
      guard let place = places[position] else { continue }
      let row = y + place.row
      guard row < area.maxY else { break }
      last = row
      guard row >= area.y else { continue }
      let style = highlighted.contains(position) ? matchStyle : line[cluster.part].style
      if cluster.width > area.width {
        buffer.place(" ", width: 1, x: area.x + place.column, y: row, style: style)
      } else {
        buffer.place(cluster.glyph, width: cluster.width, x: area.x + place.column, y: row, style: style)
      }
    }
    return last
  }

  // MARK: - Placing

  private func places(for clusters: [TerminalText.FittedCluster], width: Int) -> [Place?] {
    let widths = clusters.map(\.width)
    if !wrap { return TextView.cut(widths, width: width) }
    if breaksAtWords { return TextView.wordPlaces(widths, spaces: clusters.map { $0.glyph == " " }, width: width) }
    return TextView.cellPlaces(widths, width: width)
  }

  /// Where a cluster goes, in rows below the line's first and columns from the left.
  typealias Place = (row: Int, column: Int)

  /// One row: what fits whole; the rest is not drawn.
  static func cut(_ widths: [Int], width: Int) -> [Place?] {
    var column = 0
    return widths.map { cellWidth in
      defer { column += cellWidth }
      return column + cellWidth <= width ? (0, column) : nil
    }
  }

  /// Rows filled to the edge; a glyph that would straddle it starts the next row, and one
  /// wider than the whole row takes a single cell.
  static func cellPlaces(_ widths: [Int], width: Int) -> [Place?] {
    var row = 0
    var column = 0
    return widths.map { cellWidth in
      if column + cellWidth > width && column > 0 {
        row += 1
        column = 0
      }
      defer { column += min(cellWidth, width) }
      return (row, column)
    }
  }

  /// Rows broken before a word that does not fit; the space at a break is dropped and a
  /// continuation row starts under the line's leading spaces (unless they take half the row).
  /// A word longer than a row is broken where the row ends.
  static func wordPlaces(_ widths: [Int], spaces: [Bool], width: Int) -> [Place?] {
    let lead = spaces.prefix { $0 }.count
    let indent = lead * 2 < width ? lead : 0
    var places = [Place?](repeating: nil, count: widths.count)
    var row = 0
    var column = 0
    var index = 0
    while index < widths.count {
      if spaces[index] {
        if column + widths[index] > width {
          row += 1
          column = indent
        } else {
          places[index] = (row, column)
          column += widths[index]
        }
        index += 1
        continue
      }
      var end = index
      var wordWidth = 0
      while end < widths.count && !spaces[end] {
        wordWidth += widths[end]
        end += 1
      }
      if column + wordWidth > width && column > indent {
        row += 1
        column = indent
      }
      for position in index..<end {
        if column + widths[position] > width && column > 0 {
          row += 1
          column = indent + widths[position] <= width ? indent : 0
        }
        places[position] = (row, column)
        column += min(widths[position], width)
      }
      index = end
    }
    return places
  }

  // MARK: - Matching

  private static func needle(for query: String) -> [String] {
    TerminalText.sanitize(query).map { String($0).lowercased() }
  }

  private static func ranges(of needle: [String], in glyphs: [String]) -> [Range<Int>] {
    guard !needle.isEmpty && glyphs.count >= needle.count else { return [] }
    var ranges: [Range<Int>] = []
    var start = 0
    while start + needle.count <= glyphs.count {
      if glyphs[start..<(start + needle.count)].elementsEqual(needle) {
        ranges.append(start..<(start + needle.count))
        start += needle.count
      } else {
        start += 1
      }
    }
    return ranges
  }
}
