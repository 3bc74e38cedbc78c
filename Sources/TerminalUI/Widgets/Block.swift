/// A box around a pane, with a title in its top border.
///
/// The focused block is drawn in heavy lines as well as in its own style, so focus shows
/// without colour.
public struct Block: Hashable, Sendable {
  /// The title, drawn in the top border; sanitized when drawn.
  public var title: String?
  /// Text drawn at the right end of the top border, such as a row count or "stale".
  public var trailingTitle: Span?
  /// Whether this is the focused pane.
  public var focused: Bool

  /// Creates a block.
  public init(title: String? = nil, trailingTitle: Span? = nil, focused: Bool = false) {
    self.title = title
    self.trailingTitle = trailingTitle
    self.focused = focused
  }

  /// The area inside the border.
  public static func inner(_ area: Rect) -> Rect {
    area.inset(by: 1)
  }

  /// Draws the border and titles into `area`; returns the area inside the border.
  @discardableResult
  public func draw(in buffer: inout Buffer, area: Rect, styles: WidgetStyles) -> Rect {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return Block.inner(area) }
    let style = focused ? styles.focusedBorder : styles.border
    let lines: (horizontal: String, vertical: String, corners: [String]) =
      focused ? ("━", "┃", ["┏", "┓", "┗", "┛"]) : ("─", "│", ["┌", "┐", "└", "┘"])
    let right = area.maxX - 1
    let bottom = area.maxY - 1
    for x in area.x...right {
      buffer.place(lines.horizontal, width: 1, x: x, y: area.y, style: style)
      buffer.place(lines.horizontal, width: 1, x: x, y: bottom, style: style)
    }
    for y in area.y...bottom {
      buffer.place(lines.vertical, width: 1, x: area.x, y: y, style: style)
      buffer.place(lines.vertical, width: 1, x: right, y: y, style: style)
    }
    if area.width >= 2 && area.height >= 2 {
      buffer.place(lines.corners[0], width: 1, x: area.x, y: area.y, style: style)
      buffer.place(lines.corners[1], width: 1, x: right, y: area.y, style: style)
      buffer.place(lines.corners[2], width: 1, x: area.x, y: bottom, style: style)
      buffer.place(lines.corners[3], width: 1, x: right, y: bottom, style: style)
    }
    drawTitles(in: &buffer, area: area, styles: styles)
    return Block.inner(area)
  }

  /// Titles sit one cell in from each corner with a space either side; the trailing title
  /// gives way to the title when both do not fit.
  private func drawTitles(in buffer: inout Buffer, area: Rect, styles: WidgetStyles) {
    let room = area.width - 2
    guard room >= 3 else { return }
    var used = 0
    if let title, !title.isEmpty {
      let style = focused ? styles.focusedTitle : styles.title
      let end = buffer.put(
        string: " " + title + " ", x: area.x + 1, y: area.y, style: style, maxWidth: room, ellipsis: "… ")
      used = end - (area.x + 1)
    }
    if let trailingTitle, !trailingTitle.text.isEmpty {
      let text = " " + trailingTitle.text + " "
      let width = TerminalText.displayWidth(text)
      guard used + 1 + width <= room else { return }
      buffer.put(string: text, x: area.maxX - 1 - width, y: area.y, style: trailingTitle.style)
    }
  }
}
