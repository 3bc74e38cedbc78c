import CNCurses
import Testing
import TerminalUI

@testable import TerminalCurses

@Suite struct KeyDecoderTests {
  @Test(arguments: [
    (UInt32(0x61), KeyEvent.character("a")),
    (0x51, .character("Q")),
    (0x20, .character(" ")),
    (0xE9, .character("é")),
    (0x4E2D, .character("中")),
    (9, .tab),
    (10, .enter),
    (13, .enter),
    (27, .escape),
    (127, .backspace),
    (8, .backspace),
    (1, .control("a")),
    (3, .control("c")),
    (26, .control("z")),
  ])
  func charactersDecodeToTheirKeys(value: UInt32, expected: KeyEvent) {
    #expect(KeyDecoder.decode(character: value) == expected)
  }

  @Test(arguments: [UInt32(0), 28, 31, 0x85, 0x9B, 0xD800])
  func controlsWithoutAMeaningAndInvalidScalarsAreDropped(value: UInt32) {
    #expect(KeyDecoder.decode(character: value) == nil)
  }

  @Test(arguments: [
    (KEY_UP, KeyEvent.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
    (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
    (KEY_A1, .home), (KEY_C1, .end), (KEY_A3, .pageUp), (KEY_C3, .pageDown),
    (KEY_BTAB, .backTab), (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
    (KEY_F0 + 1, .function(1)), (KEY_F0 + 5, .function(5)), (KEY_F0 + 12, .function(12)),
  ])
  func keyCodesDecodeToTheirKeys(code: Int32, expected: KeyEvent) {
    #expect(KeyDecoder.decode(keyCode: code) == expected)
  }

  @Test(arguments: [KEY_F0, KEY_F0 + 13, KEY_MOUSE, KEY_B2, KEY_SHOME])
  func keyCodesWithoutAMeaningAreDropped(code: Int32) {
    #expect(KeyDecoder.decode(keyCode: code) == nil)
  }
}
