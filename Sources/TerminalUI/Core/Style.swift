/// How a cell is drawn: colours and attributes.
public struct Style: Hashable, Sendable {
  public var foreground: Color
  public var background: Color
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool
  public var dim: Bool

  /// Creates a style; every part defaults to the terminal's plain look.
  public init(
    foreground: Color = .default, background: Color = .default, bold: Bool = false,
    reverse: Bool = false, underline: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.dim = dim
  }

  /// The terminal's plain look.
  public static let plain = Style()
}
