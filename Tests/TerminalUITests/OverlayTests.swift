import Testing

@testable import TerminalUI

@Suite struct OverlayTests {
  @Test func theOverlayIsCentredOverWhatWasThereAndSizedToItsLines() {
    var buffer = Buffer(size: Size(width: 16, height: 6))
    buffer.fill(buffer.area, with: Cell("."))
    let overlay = Overlay(title: "Help", lines: [[Span("q  quit")], [Span("?  help")]])
    let frame = overlay.draw(in: &buffer, area: buffer.area, styles: WidgetStyles())
    #expect(frame == Rect(x: 2, y: 1, width: 11, height: 4))
    #expect(
      buffer.rows == [
        "................",
        "..┏ Help ━━━┓...",
        "..┃ q  quit ┃...",
        "..┃ ?  help ┃...",
        "..┗━━━━━━━━━┛...",
        "................",
      ])
  }

  @Test func anOverlayLargerThanTheScreenIsClampedToIt() {
    var buffer = Buffer(size: Size(width: 8, height: 3))
    let overlay = Overlay(title: "Help", lines: (1...10).map { [Span("line \($0)")] })
    let frame = overlay.draw(in: &buffer, area: buffer.area, styles: WidgetStyles())
    #expect(frame == buffer.area)
    #expect(buffer.rows == ["┏ Help ┓", "┃ line ┃", "┗━━━━━━┛"])
  }
}
