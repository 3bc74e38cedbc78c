import Testing
import TerminalUI

@testable import TerminalCurses

@Suite struct FramePlannerTests {
  /// A small stand-in for wcwidth: CJK ideographs are wide, combining accents zero, controls -1.
  private static func width(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0..<0x20, 0x7F..<0xA0: -1
    case 0x300..<0x370: 0
    case 0x4E00..<0xA000: 2
    default: 1
    }
  }

  private func planner(width: Int = 10, height: Int = 2, asciiOnly: Bool = false) -> FramePlanner {
    var planner = FramePlanner(asciiOnly: asciiOnly, width: Self.width)
    planner.reset(to: Size(width: width, height: height))
    return planner
  }

  private func buffer(_ rows: [String], width: Int = 10) -> Buffer {
    var buffer = Buffer(size: Size(width: width, height: rows.count))
    for (y, row) in rows.enumerated() {
      var x = 0
      for character in row {
        buffer[x, y] = Cell(String(character))
        if Self.width(character.unicodeScalars.first!) == 2 {
          buffer[x + 1, y] = .continuation
          x += 2
        } else {
          x += 1
        }
      }
    }
    return buffer
  }

  private func text(_ writes: [FramePlanner.Write]) -> [String] {
    writes.map { "\($0.x),\($0.y):" + String(String.UnicodeScalarView($0.scalars)) }
  }

  @Test func aFirstFrameOnABlankScreenWritesOnlyTheCellsThatAreNotBlank() {
    var planner = planner()
    #expect(text(planner.plan(buffer(["ab", " c"]))) == ["0,0:a", "1,0:b", "1,1:c"])
  }

  @Test func anUnchangedFrameWritesNothing() {
    var planner = planner()
    _ = planner.plan(buffer(["hello", "world"]))
    #expect(planner.plan(buffer(["hello", "world"])).isEmpty)
  }

  @Test func oneChangedCellIsTheOnlyWrite() {
    var planner = planner()
    _ = planner.plan(buffer(["hello", "world"]))
    #expect(text(planner.plan(buffer(["hello", "wOrld"]))) == ["1,1:O"])
  }

  @Test func aStyleChangeAloneRewritesTheCell() {
    var planner = planner()
    let plain = buffer(["ab"])
    _ = planner.plan(plain)
    var bold = plain
    bold[1, 0] = Cell("b", style: Style(bold: true))
    let writes = planner.plan(bold)
    #expect(text(writes) == ["1,0:b"])
    #expect(writes.first?.style.bold == true)
  }

  @Test func aWideGlyphIsWrittenOnceAndItsRightHalfIsSkipped() {
    var planner = planner()
    #expect(text(planner.plan(buffer(["a中b"]))) == ["0,0:a", "1,0:中", "3,0:b"])
  }

  @Test func replacingAWideGlyphWithTwoNarrowOnesWritesBothCells() {
    var planner = planner()
    _ = planner.plan(buffer(["a中b"]))
    #expect(text(planner.plan(buffer(["axyb"]))) == ["1,0:x", "2,0:y"])
  }

  @Test func replacingTheRightHalfOfAWideGlyphRewritesTheGlyphsThatChanged() {
    var planner = planner()
    _ = planner.plan(buffer(["中中"]))
    #expect(text(planner.plan(buffer(["a中b"]))) == ["0,0:a", "1,0:中", "3,0:b"])
  }

  @Test func aGlyphTheBufferMakesWideButTheLibraryCountsNarrowGetsABlankRightHalf() {
    var planner = planner()
    var wide = Buffer(size: Size(width: 10, height: 1))
    wide[0, 0] = Cell("é")
    wide[1, 0] = .continuation
    wide[2, 0] = Cell("z")
    _ = planner.plan(buffer(["xxx"]))
    #expect(text(planner.plan(wide)) == ["0,0:é", "1,0: ", "2,0:z"])
  }

  @Test func aGlyphTheLibraryCountsWideButTheBufferGivesOneCellBecomesAReplacement() {
    var planner = planner()
    var narrow = Buffer(size: Size(width: 10, height: 1))
    narrow[0, 0] = Cell("中")
    narrow[1, 0] = Cell("z")
    #expect(text(planner.plan(narrow)) == ["0,0:\u{FFFD}", "1,0:z"])
  }

  @Test func aWideGlyphInTheLastColumnOfTheScreenBecomesAReplacement() {
    var planner = planner(width: 3, height: 1)
    #expect(text(planner.plan(buffer(["ab中"]))) == ["0,0:a", "1,0:b", "2,0:\u{FFFD}"])
  }

  @Test func controlCharactersNeverReachTheScreen() {
    var planner = planner()
    var raw = Buffer(size: Size(width: 10, height: 1))
    raw[0, 0] = Cell("\u{1B}")
    raw[1, 0] = Cell("\t")
    #expect(text(planner.plan(raw)) == ["0,0:\u{FFFD}", "1,0:\u{FFFD}"])
  }

  @Test func combiningMarksStayInTheirCellUpToWhatNcursesHolds() {
    var planner = planner()
    var marked = Buffer(size: Size(width: 10, height: 1))
    marked[0, 0] = Cell("e\u{301}")
    marked[1, 0] = Cell("o\u{300}\u{301}\u{302}\u{303}\u{304}")
    let writes = planner.plan(marked)
    #expect(writes.map(\.scalars.count) == [2, 4])
    #expect(writes.first?.scalars == ["e", "\u{301}"])
  }

  @Test func aBufferLargerThanTheScreenIsClipped() {
    var planner = planner(width: 3, height: 1)
    #expect(text(planner.plan(buffer(["abcdef", "ghi"]))) == ["0,0:a", "1,0:b", "2,0:c"])
  }

  @Test func screenCellsBeyondASmallerBufferAreBlanked() {
    var planner = planner(width: 4, height: 2)
    _ = planner.plan(buffer(["abcd", "efgh"], width: 4))
    #expect(text(planner.plan(buffer(["ab"], width: 2))) == ["2,0: ", "3,0: ", "0,1: ", "1,1: ", "2,1: ", "3,1: "])
  }

  @Test func aResetForgetsTheLastFrame() {
    var planner = planner()
    _ = planner.plan(buffer(["ab"]))
    planner.reset(to: Size(width: 10, height: 2))
    #expect(text(planner.plan(buffer(["ab"]))) == ["0,0:a", "1,0:b"])
  }

  @Test func asciiOnlyWritesNoByteAbove0x7FAndKeepsEveryGlyphInItsCells() {
    var planner = planner(width: 12, height: 1, asciiOnly: true)
    var frame = buffer(["┌─漢e\u{301}▁█…●x"], width: 12)
    frame[10, 0] = Cell("\u{9B}")
    let writes = planner.plan(frame)
    #expect(
      text(writes) == ["0,0:+", "1,0:-", "2,0:?", "4,0:e", "5,0:_", "6,0:#", "7,0:~", "8,0:*", "9,0:x", "10,0:?"])
    #expect(writes.allSatisfy { $0.scalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } })
  }

  @Test func asciiOnlyMapsEverySparklineHeightToADistinctRisingShape() {
    let heights = (0x2581...0x2588).map { AsciiFallback.character(for: Unicode.Scalar($0)!) }
    #expect(Set(heights).count == 8)
    #expect(heights.allSatisfy { $0.isASCII && $0 != "?" })
  }
}
