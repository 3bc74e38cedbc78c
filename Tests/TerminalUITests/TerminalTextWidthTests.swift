import Testing

@testable import TerminalUI

@Suite struct TerminalTextWidthTests {
  // MARK: - Width

  @Test func asciiTakesOneCellPerCharacter() {
    #expect(TerminalText.displayWidth("hello, world") == 12)
    #expect(TerminalText.displayWidth("") == 0)
  }

  @Test func cjkAndFullwidthCharactersTakeTwoCells() {
    #expect(TerminalText.displayWidth("日本語") == 6)
    #expect(TerminalText.displayWidth("한국어") == 6)
    #expect(TerminalText.displayWidth("ＡＢ") == 4)
    #expect(TerminalText.displayWidth("a中b") == 4)
    #expect(TerminalText.displayWidth("\u{20000}") == 2)
  }

  @Test func emojiInEmojiPresentationTakeTwoCells() {
    #expect(TerminalText.displayWidth("👍") == 2)
    #expect(TerminalText.displayWidth("👍🏽") == 2)
    #expect(TerminalText.displayWidth("🇫🇷") == 2)
    #expect(TerminalText.displayWidth("\u{2764}\u{FE0F}") == 2)
    #expect(TerminalText.displayWidth("\u{2764}") == 1)
    #expect(TerminalText.displayWidth("#\u{FE0F}\u{20E3}") == 2)
  }

  @Test func combiningMarksTakeNoCells() {
    #expect(TerminalText.displayWidth("e\u{301}") == 1)
    #expect(TerminalText.displayWidth("בְּרֵאשִׁית") == 6)
    #expect(TerminalText.displayWidth("\u{1100}\u{1161}\u{11A8}") == 2)
  }

  @Test func ambiguousAndOtherNarrowSymbolsTakeOneCell() {
    #expect(TerminalText.displayWidth("─│┌▁█✓○") == 7)
    #expect(TerminalText.displayWidth("Ωαß") == 3)
  }

  @Test func controlsMeasureAsTheMarksThatReplaceThem() {
    #expect(TerminalText.displayWidth("a\tb") == 4)
    #expect(TerminalText.displayWidth("\u{1b}") == 4)
    #expect(TerminalText.displayWidth("\u{202E}") == 8)
    #expect(TerminalText.displayWidth(of: "\u{1b}") == 4)
    #expect(TerminalText.displayWidth(of: "中") == 2)
    #expect(TerminalText.displayWidth(of: "\u{301}") == 1)
  }

  // MARK: - Truncation

  @Test func shortTextIsNotTruncated() {
    #expect(TerminalText.truncate("abc", toWidth: 3) == "abc")
    #expect(TerminalText.truncate("中文", toWidth: 4) == "中文")
  }

  @Test func longTextEndsInAnEllipsisWithinTheWidth() {
    #expect(TerminalText.truncate("abcdef", toWidth: 4) == "abc…")
    #expect(TerminalText.truncate("abcdef", toWidth: 1) == "…")
    #expect(TerminalText.truncate("abcdef", toWidth: 0) == "")
    #expect(TerminalText.truncate("abcdef", toWidth: 4, ellipsis: "") == "abcd")
    #expect(TerminalText.truncate("abcdef", toWidth: 4, ellipsis: "...") == "a...")
    #expect(TerminalText.truncate("abcdef", toWidth: 2, ellipsis: "...") == "ab")
  }

  @Test func aWideCharacterThatWouldStraddleTheEdgeBecomesASpace() {
    #expect(TerminalText.truncate("中中中", toWidth: 3, ellipsis: "") == "中 ")
    #expect(TerminalText.truncate("中中中", toWidth: 4) == "中 …")
    #expect(TerminalText.truncate("a中中", toWidth: 4) == "a中…")
    #expect(TerminalText.truncate("中中", toWidth: 1, ellipsis: "") == " ")
    for width in 0...7 {
      #expect(TerminalText.displayWidth(TerminalText.truncate("中a中b👍c", toWidth: width)) <= width)
    }
  }

  @Test func truncationNeverSplitsAGraphemeCluster() {
    let text = "e\u{301}e\u{301}🇫🇷👍🏽"
    for width in 0...7 {
      let cut = TerminalText.truncate(text, toWidth: width, ellipsis: "")
      #expect(text.hasPrefix(cut.trimmingSuffix(" ")) || cut.allSatisfy { $0 == " " })
      #expect(TerminalText.displayWidth(cut) <= width)
    }
    #expect(TerminalText.truncate(text, toWidth: 4, ellipsis: "") == "e\u{301}e\u{301}🇫🇷")
  }

  @Test func truncationSanitizesToo() {
    #expect(TerminalText.truncate("a\u{1b}[2Jb", toWidth: 20) == "a\\x1b[2Jb")
    #expect(TerminalText.truncate("a\u{1b}[2Jb", toWidth: 5) == "a\\x1…")
  }

  @Test func aTenMegabyteLineIsCutToWhatIsShown() {
    let line = String(repeating: "0123456789", count: 1_000_000)
    #expect(TerminalText.truncate(line, toWidth: 12) == "01234567890…")
    let unicode = String(repeating: "日本", count: 2_500_000)
    #expect(TerminalText.truncate(unicode, toWidth: 7) == "日本日…")
    let hostile = String(repeating: "\u{1b}[31m", count: 2_000_000)
    #expect(TerminalText.truncate(hostile, toWidth: 10) == "\\x1b[31m\\…")
  }

  @Test func aZalgoLineIsCutWithAnEllipsisAndKeepsItsCap() {
    let zalgo = String(repeating: "a" + String(repeating: "\u{0301}", count: 50), count: 1_000)
    let cut = TerminalText.truncate(zalgo, toWidth: 40)
    #expect(cut.hasSuffix("…"))
    #expect(TerminalText.displayWidth(cut) <= 40)
    for character in cut {
      #expect(character.unicodeScalars.count <= 1 + TerminalText.maxCombiningMarks)
    }
  }

  // MARK: - Padding

  @Test func paddingFillsTheWidthOnTheOpenSide() {
    #expect(TerminalText.pad("ab", toWidth: 5) == "ab   ")
    #expect(TerminalText.pad("ab", toWidth: 5, alignment: .right) == "   ab")
    #expect(TerminalText.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
    #expect(TerminalText.pad("中", toWidth: 3, alignment: .right) == " 中")
    #expect(TerminalText.pad("abcdef", toWidth: 4) == "abc…")
  }
}

extension String {
  fileprivate func trimmingSuffix(_ character: Character) -> String {
    var text = self
    while text.last == character { text.removeLast() }
    return text
  }
}
