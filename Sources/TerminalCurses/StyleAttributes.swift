import CNCurses
import TerminalUI

/// The curses attribute bits for a style's bold, reverse, underline and dim.
struct StyleAttributes {
  var bold: attr_t
  var reverse: attr_t
  var underline: attr_t
  var dim: attr_t

  /// The bits ncurses uses (A_BOLD and friends are macros Swift cannot see).
  static let ncurses = StyleAttributes(
    bold: taskdash_a_bold(), reverse: taskdash_a_reverse(), underline: taskdash_a_underline(),
    dim: taskdash_a_dim())

  /// The attributes for `style`, colour aside.
  func attributes(for style: Style) -> attr_t {
    var result: attr_t = 0
    if style.bold { result |= bold }
    if style.reverse { result |= reverse }
    if style.underline { result |= underline }
    if style.dim { result |= dim }
    return result
  }
}
