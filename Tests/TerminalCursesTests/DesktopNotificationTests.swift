import Testing

@testable import TerminalCurses

@Suite struct DesktopNotificationTests {
  @Test(arguments: ["iTerm.app", "WezTerm", "ghostty"])
  func terminalsKnownToShowOSCNineGetTheBellAndTheNotification(program: String) {
    let notification = DesktopNotification(environment: ["TERM_PROGRAM": program, "TERM": "xterm-256color"])
    #expect(
      notification.bytes(for: "run #4 failed") == [0x07, 0x1B, 0x5D, 0x39, 0x3B] + Array("run #4 failed".utf8) + [0x07])
  }

  @Test(arguments: [
    ["TERM": "xterm-256color"], ["TERM_PROGRAM": "Apple_Terminal"], ["TERM_PROGRAM": "vscode"],
    ["TERM_PROGRAM": "iTerm.app", "TMUX": "/run/tmux-0/default,1,0"],
    ["TERM_PROGRAM": "WezTerm", "TERM": "screen-256color"],
  ])
  func otherTerminalsAndMultiplexersGetTheBellAlone(environment: [String: String]) {
    #expect(DesktopNotification(environment: environment).bytes(for: "run #4 failed") == [0x07])
  }

  @Test func noControlCharacterReachesTheSequenceAndItStaysShort() {
    let notification = DesktopNotification(environment: ["TERM_PROGRAM": "iTerm.app"])
    let hostile = "a\u{1B}]0;x\u{7}b\u{9C}c\u{7F}d\u{0}" + String(repeating: "é", count: 500)
    let bytes = notification.bytes(for: hostile)
    let payload = bytes.dropFirst(5).dropLast()
    #expect(bytes.last == 0x07)
    #expect(!payload.contains(0x07) && !payload.contains(0x1B) && !payload.contains(0x00) && !payload.contains(0x7F))
    let text = String(decoding: payload, as: UTF8.self)
    #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    #expect(text.hasPrefix("a?]0;x?b?c?d?é"))
    #expect(text.count == DesktopNotification.maximumLength)
  }
}
