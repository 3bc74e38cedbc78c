/// A terminal colour: the terminal's default, or one of the eight basic ANSI colours.
///
/// Eight colours (plus bold) are what every terminal and every theme handles; the dashboard
/// needs no more to tell statuses apart.
public enum Color: UInt8, Hashable, Sendable, CaseIterable {
  case black, red, green, yellow, blue, magenta, cyan, white
  /// The terminal's own foreground or background.
  case `default` = 255
}
