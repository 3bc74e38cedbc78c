import TerminalUI

/// How a status is shown: a one-cell symbol, so that it reads without colour, and a style.
public struct StatusLook: Hashable, Sendable {
  /// The symbol (never an emoji, never wide).
  public var symbol: String
  /// The style of the symbol and the name.
  public var style: Style

  /// Creates a look.
  public init(_ symbol: String, _ style: Style) {
    self.symbol = symbol
    self.style = style
  }
}
