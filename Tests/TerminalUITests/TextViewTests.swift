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

  @Test func searchMatchesAreHighlightedCaseInsensitively() {
    var buffer = Buffer(size: Size(width: 12, height: 1))
    let match = Style(reverse: true)
    TextView(lines: lines(["Error: error"]), search: "ERR", matchStyle: match).draw(in: &buffer, area: buffer.area)
    #expect(
      buffer.cells.map { $0.style == match } == [
        true, true, true, false, false, false, false, true, true, true, false, false,
      ])
    #expect(matched(["aaaa"], "aa", width: 4) == [true, true, true, true])
    #expect(matched(["x"], "", width: 1) == [false])
  }

  /// Which cells of the first row are drawn as a match of `query`.
  private func matched(_ texts: [String], _ query: String, width: Int) -> [Bool] {
    var buffer = Buffer(size: Size(width: width, height: 1))
    let match = Style(reverse: true)
    TextView(lines: lines(texts), search: query, matchStyle: match).draw(in: &buffer, area: buffer.area)
    return buffer.cells.map { $0.style == match }
  }

  @Test func searchMatchesMarksAsTheyAreShown() {
    let shown = [false, true, true, true, true, false]
    #expect(matched(["a\u{1b}b"], "\\x1b", width: 6) == shown)
    #expect(matched(["a\u{1b}b"], "\u{1b}", width: 6) == shown)
  }

  @Test func wordWrappingBreaksBetweenWordsUnderTheLinesIndent() {
    let view = TextView(lines: lines(["  one two three", "x"]), wrap: true, breaksAtWords: true)
    #expect(rows(view, width: 9, height: 4) == ["  one two", "  three  ", "x        ", "         "])
    let unindented = TextView(lines: lines(["alpha beta"]), wrap: true, breaksAtWords: true)
    #expect(rows(unindented, width: 6, height: 2) == ["alpha ", "beta  "])
  }

  @Test func wordWrappingBreaksAWordLongerThanARowAtTheEdge() {
    let view = TextView(lines: lines(["  abcdefghij"]), wrap: true, breaksAtWords: true)
    #expect(rows(view, width: 6, height: 3) == ["  abcd", "  efgh", "  ij  "])
    let deep = TextView(lines: lines(["    ab"]), wrap: true, breaksAtWords: true)
    #expect(rows(deep, width: 5, height: 2) == ["     ", "ab   "], "an indent of half the row or more is not kept")
  }
}
