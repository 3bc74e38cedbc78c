/// A piece of text in one style: the unit widgets draw.
///
/// The text may come straight from the database: drawing sanitizes it.
public struct Span: Hashable, Sendable {
  /// The text, sanitized when drawn.
  public var text: String
  /// The style every cell of the text gets.
  public var style: Style

  /// Creates a span.
  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }

  /// Spans for sanitized segments: data text in `style`, marks in `markStyle`.
  public static func spans(_ segments: [TerminalText.Segment], style: Style, markStyle: Style) -> [Span] {
    segments.map { Span($0.text, style: $0.isMark ? markStyle : style) }
  }
}

extension Buffer {
  /// Writes `spans` one after another from column `x` of row `y`, as one text cut to
  /// `maxWidth` cells (ending in `ellipsis` when cut); returns the column after the last
  /// cell written.
  @discardableResult
  public mutating func put(spans: [Span], x: Int, y: Int, maxWidth: Int, ellipsis: String = "") -> Int {
    guard y >= 0 && y < size.height && x >= 0 && x < size.width else { return x }
    let clusters = TerminalText.fit(spans.map(\.text), width: min(maxWidth, size.width - x), ellipsis: ellipsis)
    var column = x
    for cluster in clusters {
      column = write([cluster], x: column, y: y, style: spans[cluster.part].style, markStyle: nil)
    }
    return column
  }
}
