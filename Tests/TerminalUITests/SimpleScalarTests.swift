import Testing

@testable import TerminalUI

/// The scalars `TerminalText.fit` lays out without the scanner must be exactly those the
/// scanner would pass through alone, one cell each, each its own grapheme cluster.
@Suite struct SimpleScalarTests {
  static let simple: [Unicode.Scalar] = (0...0x2FFFF).compactMap { Unicode.Scalar($0) }.filter(TerminalText.isSimple)
  /// Neighbours of every kind the ranges hold.
  static let neighbours: [Unicode.Scalar] = ["a", " ", "é", "…", "→", "─", "█", "●", "⠿", "×"]

  @Test func eachSimpleScalarSanitizesToItselfInOneCell() {
    #expect(Self.simple.count == 882)
    for scalar in Self.simple {
      let text = String(scalar)
      let scan = TerminalText.scan(text)
      #expect(scan.lines.count == 1 && scan.lines[0].count == 1, "U+\(String(scalar.value, radix: 16))")
      #expect(scan.lines.first?.first?.kind == .text && scan.lines.first?.first?.text == text)
      #expect(ScalarClass.width(of: Character(scalar)) == 1, "U+\(String(scalar.value, radix: 16))")
    }
  }

  @Test func noTwoSimpleScalarsJoinIntoOneCluster() {
    for scalar in Self.simple {
      for neighbour in Self.neighbours {
        #expect(String([Character(scalar), Character(neighbour)]).count == 2)
        #expect((String(scalar) + String(neighbour) + String(scalar)).count == 3)
      }
    }
  }

  @Test func aCombiningMarkAfterASimpleScalarTakesTheScannersPath() {
    // "e" and U+0301 make one cluster: the fast path must not split them.
    let fitted = TerminalText.fit("ae\u{301}b", width: 10, ellipsis: "…")
    #expect(fitted.map(\.glyph) == ["a", "e\u{301}", "b"])
    #expect(TerminalText.truncate("●●●\u{FE0F}", toWidth: 10) == "●●●\u{FE0F}")
  }
}
