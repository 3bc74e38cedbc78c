import Testing

@testable import TerminalUI

@Suite struct StatusLineTests {
  private func rows(_ line: StatusLine, width: Int) -> [String] {
    var buffer = Buffer(size: Size(width: width, height: 1))
    line.draw(in: &buffer, area: buffer.area)
    return buffer.rows
  }

  @Test func segmentsKeepToTheirSides() {
    let line = StatusLine(left: [Span("q quit")], right: [Span("12:00")])
    #expect(rows(line, width: 16) == ["q quit     12:00"])
  }

  @Test func theRightSideIsLeftOutWholeWhenBothDoNotFit() {
    let line = StatusLine(left: [Span("q quit  ? help")], right: [Span("12:00")])
    #expect(rows(line, width: 16) == ["q quit  ? help  "])
    #expect(rows(line, width: 10) == ["q quit  ?…"])
  }

  @Test func keyHintsStyleTheKeysApartFromTheirLabels() {
    let key = Style(bold: true)
    let label = Style(reverse: true)
    let spans = StatusLine.keyHints([("q", "quit"), ("?", "help")], keyStyle: key, labelStyle: label)
    var buffer = Buffer(size: Size(width: 16, height: 1))
    StatusLine(left: spans, style: label).draw(in: &buffer, area: buffer.area)
    #expect(buffer.rows == [" q quit  ? help "])
    #expect(buffer[1, 0].style == key)
    #expect(buffer[3, 0].style == label)
    #expect(buffer[15, 0].style == label)
  }
}
