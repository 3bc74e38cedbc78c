/// One key press as the terminal reports it, independent of the terminal library.
public enum KeyEvent: Hashable, Sendable {
  /// A printable character (letters, digits, punctuation, space).
  case character(Character)
  /// A control chord, Ctrl plus a letter (lowercase).
  case control(Character)
  case enter, escape, tab, backTab, backspace, delete
  case up, down, left, right
  case pageUp, pageDown, home, end
  /// A function key, F1 to F12.
  case function(Int)
}
