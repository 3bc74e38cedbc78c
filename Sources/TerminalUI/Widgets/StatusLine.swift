/// One row with segments kept to the left and to the right: the key bar, a status bar.
///
/// The left segments win when both do not fit: the right ones are left out whole rather
/// than cut, and the left ones end in `…` when even they do not fit.
public struct StatusLine: Hashable, Sendable {
  /// Segments drawn from the left edge.
  public var left: [Span]
  /// Segments drawn up to the right edge.
  public var right: [Span]
  /// The style of the whole row, under the segments.
  public var style: Style

  /// Creates a status line.
  public init(left: [Span], right: [Span] = [], style: Style = .plain) {
    self.left = left
    self.right = right
    self.style = style
  }

  /// A key bar: each key in `keyStyle`, then its label in `labelStyle`, hints two spaces apart.
  public static func keyHints(_ hints: [(key: String, label: String)], keyStyle: Style, labelStyle: Style) -> [Span] {
    var spans: [Span] = []
    for (index, hint) in hints.enumerated() {
      spans.append(Span((index == 0 ? " " : "  ") + hint.key, style: keyStyle))
      spans.append(Span(" " + hint.label, style: labelStyle))
    }
    return spans
  }

  /// Draws the first row of `area`.
  public func draw(in buffer: inout Buffer, area: Rect) {
    let row = area.intersection(buffer.area).row(0)
    guard !row.isEmpty else { return }
    buffer.fill(row, with: Cell(" ", style: style))
    let rightWidth = right.reduce(0) { $0 + TerminalText.displayWidth($1.text) }
    let leftWidth = left.reduce(0) { $0 + TerminalText.displayWidth($1.text) }
    let showRight = rightWidth > 0 && leftWidth + 1 + rightWidth <= row.width
    buffer.put(
      spans: left, x: row.x, y: row.y, maxWidth: showRight ? row.width - rightWidth - 1 : row.width, ellipsis: "…")
    if showRight {
      buffer.put(spans: right, x: row.maxX - rightWidth, y: row.y, maxWidth: rightWidth)
    }
  }
}
