/// A bordered box centred over whatever was drawn before: the help screen, confirmations.
///
/// Sized to its content unless given a size, and never larger than the area it is centred in.
public struct Overlay: Hashable, Sendable {
  /// The title in the top border.
  public var title: String
  /// The content, one entry per line.
  public var lines: [[Span]]
  /// The outer width, border included; nil to fit the widest line.
  public var width: Int?
  /// The outer height, border included; nil to fit every line.
  public var height: Int?
  /// The first line shown, for content taller than the box.
  public var offset: Int

  /// Creates an overlay.
  public init(title: String, lines: [[Span]], width: Int? = nil, height: Int? = nil, offset: Int = 0) {
    self.title = title
    self.lines = lines
    self.width = width
    self.height = height
    self.offset = offset
  }

  /// The box's rectangle when centred in `area`.
  public func frame(in area: Rect) -> Rect {
    let widest = lines.map { line in line.reduce(0) { $0 + TerminalText.displayWidth($1.text) } }.max() ?? 0
    let titleWidth = TerminalText.displayWidth(title) + 4
    let width = width ?? max(widest + 4, titleWidth)
    let height = height ?? lines.count + 2
    return area.centered(width: width, height: height)
  }

  /// Blanks the box, draws its border, title and lines; returns the box's rectangle.
  @discardableResult
  public func draw(in buffer: inout Buffer, area: Rect, styles: WidgetStyles) -> Rect {
    let frame = frame(in: area.intersection(buffer.area))
    guard !frame.isEmpty else { return frame }
    buffer.clear(frame)
    let inner = Block(title: title, focused: true).draw(in: &buffer, area: frame, styles: styles)
    TextView(lines: lines, offset: offset).draw(in: &buffer, area: inner.inset(horizontal: 1))
    return frame
  }
}
