import Testing

@testable import TerminalUI

@Suite struct TextViewTests {
  private func lines(_ texts: [String]) -> [[Span]] {
    texts.map { [Span($0)] }
  }

  private func rows(_ view: TextView, width: Int, height: Int) -> [String] {
    var buffer = Buffer(size: Size(width: width, height: height))
    view.draw(in: &buffer, area: buffer.area)
    return buffer.rows
  }

  @Test func linesFromTheOffsetFillTheArea() {
    let view = TextView(lines: lines(["one", "two", "three", "four"]), offset: 1)
    #expect(rows(view, width: 5, height: 2) == ["two  ", "three"])
    #expect(rows(TextView(lines: lines(["a"]), offset: 5), width: 2, height: 1) == ["  "])
  }

  @Test func longLinesAreCutAtTheRightEdge() {
    #expect(rows(TextView(lines: lines(["abcdefgh"])), width: 4, height: 1) == ["abcd"])
  }

  @Test func theHorizontalOffsetSkipsColumnsAndSplitsNoGlyph() {
    let view = TextView(lines: lines(["ab中cd", "x"]), horizontalOffset: 3)
    #expect(rows(view, width: 3, height: 2) == [" cd", "   "])
    var shifted = view
    shifted.horizontalOffset = 2
    #expect(rows(shifted, width: 3, height: 1) == ["中c"])
  }

  @Test func wrappingContinuesLongLinesOnTheNextRows() {
    let view = TextView(lines: lines(["abcdefg", "hi"]), wrap: true)
    #expect(rows(view, width: 3, height: 4) == ["abc", "def", "g  ", "hi "])
    #expect(rows(view, width: 3, height: 2) == ["abc", "def"])
  }

  @Test func wrappingMovesAWideGlyphThatWouldStraddleToTheNextRow() {
    let view = TextView(lines: lines(["ab中"]), wrap: true)
    #expect(rows(view, width: 3, height: 2) == ["ab ", "中 "])
    #expect(rows(view, width: 1, height: 4) == ["a", "b", " ", " "])
  }

  @Test func theGutterNumbersEachLine() {
    let view = TextView(lines: lines((1...10).map { "l\($0)" }), offset: 8, showsLineNumbers: true)
    #expect(rows(view, width: 6, height: 3) == [" 9 l9 ", "10 l10", "      "])
  }

  @Test func searchMatchesAreHighlightedCaseInsensitively() {
    var buffer = Buffer(size: Size(width: 12, height: 1))
    let match = Style(reverse: true)
    TextView(lines: lines(["Error: error"]), search: "ERR", matchStyle: match).draw(in: &buffer, area: buffer.area)
    #expect(
      buffer.cells.map { $0.style == match } == [
        true, true, true, false, false, false, false, true, true, true, false, false,
      ])
    #expect(TextView.matchRanges(of: "err", in: lines(["Error: error"])[0]) == [0..<3, 7..<10])
    #expect(TextView.matchRanges(of: "", in: lines(["x"])[0]) == [])
    #expect(TextView.matchRanges(of: "aa", in: lines(["aaaa"])[0]) == [0..<2, 2..<4])
  }

  @Test func searchMatchesMarksAsTheyAreShown() {
    let line = [Span("a\u{1b}b")]
    #expect(TextView.matchRanges(of: "\\x1b", in: line) == [1..<5])
    #expect(TextView.matchRanges(of: "\u{1b}", in: line) == [1..<5])
  }

  @Test func aScanBecomesLinesWithMarksInTheirOwnStyle() {
    let mark = Style(underline: true)
    let scan = TerminalText.scan("ok\nbad\u{7}\n")
    let lines = TextView.lines(from: scan, markStyle: mark)
    #expect(lines == [[Span("ok")], [Span("bad"), Span("\\x07", style: mark)]])
    var buffer = Buffer(size: Size(width: 7, height: 2))
    TextView(lines: lines).draw(in: &buffer, area: buffer.area)
    #expect(buffer.rows == ["ok     ", "bad\\x07"])
    #expect(buffer[3, 1].style == mark)
  }

  @Test func theLastPageOffsetShowsTheLastLine() {
    #expect(TextView.maxOffset(lineCount: 10, height: 4) == 6)
    #expect(TextView.maxOffset(lineCount: 2, height: 4) == 0)
    #expect(TextView.gutterWidth(lineCount: 0) == 2)
    #expect(TextView.gutterWidth(lineCount: 1000) == 5)
  }
}
