/// Lines of styled text in a scrolling window: the artifact viewer and the help text.
///
/// Scrolls by whole source lines; long lines are either cut at the right edge (and scrolled
/// sideways with `horizontalOffset`) or wrapped onto the following rows. Search matches
/// (case-insensitive, on the text as shown) are drawn in `matchStyle`.
public struct TextView: Hashable, Sendable {
  /// The content, one entry per line.
  public var lines: [[Span]]
  /// The first line shown.
  public var offset: Int
  /// Columns skipped at the left of every line when not wrapping.
  public var horizontalOffset: Int
  /// Whether long lines continue on the next rows.
  public var wrap: Bool
  /// Whether a gutter of line numbers is drawn on the left.
  public var showsLineNumbers: Bool
  /// Text to highlight wherever it occurs; nil or empty for none.
  public var search: String?
  /// The style of search matches.
  public var matchStyle: Style
  /// The style of the line-number gutter.
  public var gutterStyle: Style

  /// Creates a text view.
  public init(
    lines: [[Span]], offset: Int = 0, horizontalOffset: Int = 0, wrap: Bool = false,
    showsLineNumbers: Bool = false, search: String? = nil, matchStyle: Style = Style(reverse: true),
    gutterStyle: Style = Style(dim: true)
  ) {
    self.lines = lines
    self.offset = max(0, offset)
    self.horizontalOffset = max(0, horizontalOffset)
    self.wrap = wrap
    self.showsLineNumbers = showsLineNumbers
    self.search = search
    self.matchStyle = matchStyle
    self.gutterStyle = gutterStyle
  }

  /// Lines for a scan: data text in `style`, marks in `markStyle`.
  public static func lines(from scan: TerminalText.Scan, style: Style = .plain, markStyle: Style) -> [[Span]] {
    scan.lines.map { Span.spans($0, style: style, markStyle: markStyle) }
  }

  /// The largest useful `offset` when not wrapping: the last page shows the last line.
  public static func maxOffset(lineCount: Int, height: Int) -> Int {
    max(0, lineCount - max(0, height))
  }

  /// The gutter width for `lineCount` lines: the widest number and a space.
  public static func gutterWidth(lineCount: Int) -> Int {
    String(max(1, lineCount)).count + 1
  }

  /// Where `query` occurs in `line`, as ranges of grapheme positions in the line as shown
  /// (sanitized); case-insensitive, not overlapping.
  public static func matchRanges(of query: String, in line: [Span]) -> [Range<Int>] {
    let needle = needle(for: query)
    guard !needle.isEmpty else { return [] }
    let glyphs = TerminalText.fit(line.map(\.text), width: .max, ellipsis: "").map { $0.glyph.lowercased() }
    return ranges(of: needle, in: glyphs)
  }

  // MARK: - Drawing

  /// Draws the lines from `offset` into `area`.
  public func draw(in buffer: inout Buffer, area: Rect) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let gutter = showsLineNumbers ? min(TextView.gutterWidth(lineCount: lines.count), area.width) : 0
    let (gutterArea, textArea) = area.splitLeft(gutter)
    let needle = TextView.needle(for: search ?? "")
    var y = area.y
    var index = offset
    while y < area.maxY && index < lines.count {
      if gutter > 0 {
        let number = TerminalText.pad(String(index + 1), toWidth: gutter - 1, alignment: .right) + " "
        buffer.put(string: number, x: gutterArea.x, y: y, style: gutterStyle, maxWidth: gutter)
      }
      y = drawLine(lines[index], needle: needle, in: &buffer, area: textArea, y: y) + 1
      index += 1
    }
  }

  /// Draws one line from row `y`; returns the last row it used.
  private func drawLine(_ line: [Span], needle: [String], in buffer: inout Buffer, area: Rect, y: Int) -> Int {
    guard area.width > 0 else { return y }
    let room = wrap ? area.width * (area.maxY - y) : horizontalOffset + area.width
    let clusters = TerminalText.fit(line.map(\.text), width: room, ellipsis: "")
    var highlighted = Set<Int>()
    if !needle.isEmpty {
      for range in TextView.ranges(of: needle, in: clusters.map { $0.glyph.lowercased() }) {
        highlighted.formUnion(range)
      }
    }
    var column = 0
    var row = y
    for (position, cluster) in clusters.enumerated() {
      let style = highlighted.contains(position) ? matchStyle : line[cluster.part].style
      if !wrap {
        column =
          buffer.write(
            [cluster], x: area.x - horizontalOffset + column, y: row, style: style, markStyle: nil, clip: area.x)
          - (area.x - horizontalOffset)
        continue
      }
      if column + cluster.width > area.width && column > 0 {
        row += 1
        column = 0
        guard row < area.maxY else { return row - 1 }
      }
      if cluster.width > area.width {
        buffer.place(" ", width: 1, x: area.x + column, y: row, style: style)
        column += 1
      } else {
        buffer.place(cluster.glyph, width: cluster.width, x: area.x + column, y: row, style: style)
        column += cluster.width
      }
    }
    return row
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
