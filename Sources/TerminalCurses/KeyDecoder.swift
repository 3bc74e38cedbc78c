import CNCurses
import TerminalUI

/// Turns what `wget_wch` reports into a `KeyEvent`; nil for keys the dashboard has no use for.
enum KeyDecoder {
  /// Decodes a character that `wget_wch` returned with `OK`.
  static func decode(character value: UInt32) -> KeyEvent? {
    switch value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    // Terminals send DEL or Ctrl-H for the backspace key; Ctrl-H is not worth a chord of its own.
    case 8, 127: return .backspace
    case 1...26: return Unicode.Scalar(value + 0x60).map { .control(Character($0)) }
    case 0..<32, 0x80..<0xA0: return nil
    default: return Unicode.Scalar(value).map { .character(Character($0)) }
    }
  }

  /// Decodes a key code that `wget_wch` returned with `KEY_CODE_YES`.
  static func decode(keyCode: Int32) -> KeyEvent? {
    switch keyCode {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_HOME, KEY_A1: return .home
    case KEY_END, KEY_C1: return .end
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(keyCode - KEY_F0))
    default: return nil
    }
  }
}
