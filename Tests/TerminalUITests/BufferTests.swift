import Testing

@testable import TerminalUI

@Suite struct BufferTests {
  // MARK: - Writing text

  @Test func putWritesOneGraphemePerCellAndWideGlyphsOverTwo() {
    var buffer = Buffer(size: Size(width: 6, height: 1))
    let end = buffer.put(string: "a中e\u{301}👍", x: 0, y: 0)
    #expect(end == 6)
    #expect(buffer.rows == ["a中é👍"])
    #expect(buffer[1, 0].glyph == "中")
    #expect(buffer[2, 0].isContinuation)
    #expect(buffer[3, 0].glyph == "e\u{301}")
    #expect(buffer[5, 0].isContinuation)
  }

  @Test func putSanitizesWhatItWrites() {
    var buffer = Buffer(size: Size(width: 12, height: 1))
    buffer.put(string: "a\u{1b}[2J\u{7}", x: 0, y: 0)
    #expect(buffer.rows == ["a\\x1b[2J\\x07"])
  }

  @Test func marksCanTakeTheirOwnStyle() {
    var buffer = Buffer(size: Size(width: 4, height: 1))
    let mark = Style(underline: true)
    buffer.put(string: "a\tb", x: 0, y: 0, style: Style(bold: true), markStyle: mark)
    #expect(buffer.cells.map(\.style) == [Style(bold: true), mark, mark, Style(bold: true)])
  }

  @Test func putStopsAtMaxWidthAndAtTheRightEdge() {
    var buffer = Buffer(size: Size(width: 6, height: 2))
    buffer.put(string: "abcdefgh", x: 3, y: 0)
    buffer.put(string: "abcdefgh", x: 1, y: 1, maxWidth: 3, ellipsis: "…")
    #expect(buffer.rows == ["   abc", " ab…  "])
  }

  @Test func aWideGlyphThatWouldCrossTheEdgeBecomesASpace() {
    var buffer = Buffer(size: Size(width: 3, height: 2))
    buffer.put(string: "ab中", x: 0, y: 0)
    buffer.put(string: "中中", x: 0, y: 1)
    #expect(buffer.rows == ["ab ", "中 "])
    #expect(!buffer[2, 0].isContinuation)
  }

  @Test func putLeftOfTheBufferShowsOnlyTheVisiblePart() {
    var buffer = Buffer(size: Size(width: 4, height: 1))
    buffer.put(string: "中abc", x: -1, y: 0)
    #expect(buffer.rows == [" abc"])
  }

  @Test func putOutsideTheBufferWritesNothing() {
    var buffer = Buffer(size: Size(width: 3, height: 1))
    buffer.put(string: "abc", x: 0, y: 1)
    buffer.put(string: "abc", x: 3, y: 0)
    buffer.put(string: "abc", x: 0, y: -1)
    #expect(buffer == Buffer(size: Size(width: 3, height: 1)))
  }

  @Test func overwritingHalfOfAWideGlyphBlanksTheOtherHalf() {
    var buffer = Buffer(size: Size(width: 4, height: 2))
    buffer.put(string: "中中", x: 0, y: 0)
    buffer.put(string: "x", x: 1, y: 0)
    buffer.put(string: "中中", x: 0, y: 1)
    buffer.put(string: "日", x: 1, y: 1)
    #expect(buffer.rows == [" x中", " 日 "])
    #expect(buffer.cells.filter(\.isContinuation).count == 2)
  }

  // MARK: - Areas

  @Test func fillClearAndSetStyleStayInsideTheirRectangle() {
    var buffer = Buffer(size: Size(width: 4, height: 3))
    buffer.fill(Rect(x: 1, y: 1, width: 9, height: 9), with: Cell("#"))
    #expect(buffer.rows == ["    ", " ###", " ###"])
    buffer.clear(Rect(x: 2, y: 2, width: 1, height: 1))
    #expect(buffer.rows == ["    ", " ###", " # #"])
    buffer.setStyle(Style(bold: true), in: Rect(x: 0, y: 1, width: 2, height: 1))
    #expect(buffer[1, 1] == Cell("#", style: Style(bold: true)))
    #expect(buffer[2, 1] == Cell("#"))
    buffer.clear()
    #expect(buffer.rows == ["    ", "    ", "    "])
  }

  // MARK: - Diff

  @Test func anUnchangedFrameHasNoDiff() {
    var buffer = Buffer(size: Size(width: 5, height: 2))
    buffer.put(string: "hello", x: 0, y: 0)
    #expect(buffer.diff(from: buffer).isEmpty)
  }

  @Test func theDiffGroupsChangedCellsIntoRunsPerRow() {
    var old = Buffer(size: Size(width: 8, height: 2))
    old.put(string: "abcdefgh", x: 0, y: 0)
    old.put(string: "abcdefgh", x: 0, y: 1)
    var new = old
    new.put(string: "XY", x: 1, y: 0)
    new.put(string: "Z", x: 6, y: 0)
    new.put(string: "W", x: 7, y: 1)
    let runs = new.diff(from: old)
    #expect(runs.map { [$0.x, $0.y] } == [[1, 0], [6, 0], [7, 1]])
    #expect(runs.map(\.text) == ["XY", "Z", "W"])
  }

  @Test func aStyleChangeIsAChange() {
    var old = Buffer(size: Size(width: 3, height: 1))
    old.put(string: "abc", x: 0, y: 0)
    var new = old
    new.setStyle(Style(bold: true), in: Rect(x: 2, y: 0, width: 1, height: 1))
    #expect(new.diff(from: old) == [CellRun(x: 2, y: 0, cells: [Cell("c", style: Style(bold: true))])])
  }

  @Test func aChangedHalfOfAWideGlyphBringsTheWholeGlyph() {
    var old = Buffer(size: Size(width: 4, height: 1))
    old.put(string: "a中b", x: 0, y: 0)
    var new = old
    new[2, 0] = Cell("", style: Style(bold: true))
    let runs = new.diff(from: old)
    #expect(runs.count == 1)
    #expect(runs[0].x == 1)
    #expect(runs[0].cells.count == 2)
    #expect(runs[0].text == "中")
  }

  @Test func replacingAWideGlyphRewritesBothCells() {
    var old = Buffer(size: Size(width: 4, height: 1))
    old.put(string: "a中b", x: 0, y: 0)
    var new = old
    new.put(string: "xy", x: 1, y: 0)
    #expect(new.diff(from: old) == [CellRun(x: 1, y: 0, cells: [Cell("x"), Cell("y")])])
    #expect(old.diff(from: new) == [CellRun(x: 1, y: 0, cells: [Cell("中"), Cell("")])])
  }

  @Test func applyingTheDiffToThePreviousFrameGivesTheNewFrame() {
    var old = Buffer(size: Size(width: 10, height: 3))
    old.put(string: "status 中文 ok", x: 0, y: 0)
    old.put(string: "second line", x: 0, y: 1)
    var new = old
    new.put(string: "日本", x: 3, y: 0)
    new.put(string: "x", x: 9, y: 2)
    new.clear(Rect(x: 0, y: 1, width: 3, height: 1))
    var screen = old
    for run in new.diff(from: old) {
      for (index, cell) in run.cells.enumerated() { screen[run.x + index, run.y] = cell }
    }
    #expect(screen == new)
  }

  @Test func afterAResizeEveryRowIsOneRun() {
    let old = Buffer(size: Size(width: 3, height: 2))
    var new = Buffer(size: Size(width: 4, height: 2))
    new.put(string: "ab", x: 0, y: 1)
    let runs = new.diff(from: old)
    #expect(runs.map { [$0.x, $0.y, $0.cells.count] } == [[0, 0, 4], [0, 1, 4]])
    #expect(Buffer(size: Size(width: 0, height: 3)).diff(from: old).isEmpty)
  }
}
