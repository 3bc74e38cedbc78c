import Testing

@testable import TerminalUI

@Suite struct BlockTests {
  /// Distinct styles for each part, so that each test can tell them apart.
  static let styles = WidgetStyles(
    border: Style(foreground: .blue), focusedBorder: Style(foreground: .cyan, bold: true),
    title: Style(foreground: .green), focusedTitle: Style(foreground: .cyan, bold: true))

  private func frame(_ block: Block, width: Int, height: Int) -> (rows: [String], inner: Rect, buffer: Buffer) {
    var buffer = Buffer(size: Size(width: width, height: height))
    let inner = block.draw(in: &buffer, area: buffer.area, styles: Self.styles)
    return (buffer.rows, inner, buffer)
  }

  @Test func aBlockDrawsABorderWithItsTitle() {
    let drawn = frame(Block(title: "Tasks"), width: 12, height: 4)
    #expect(
      drawn.rows == [
        "┌ Tasks ───┐",
        "│          │",
        "│          │",
        "└──────────┘",
      ])
    #expect(drawn.inner == Rect(x: 1, y: 1, width: 10, height: 2))
    #expect(drawn.buffer[2, 0].style == Self.styles.title)
    #expect(drawn.buffer[0, 0].style == Self.styles.border)
  }

  @Test func theFocusedBlockUsesHeavyLinesAndTheFocusedStyles() {
    let drawn = frame(Block(title: "Runs", focused: true), width: 10, height: 3)
    #expect(
      drawn.rows == [
        "┏ Runs ━━┓",
        "┃        ┃",
        "┗━━━━━━━━┛",
      ])
    #expect(drawn.buffer[0, 0].style == Self.styles.focusedBorder)
    #expect(drawn.buffer[2, 0].style == Self.styles.focusedTitle)
  }

  @Test func aLongTitleIsCutWithAnEllipsis() {
    #expect(frame(Block(title: "Very long title"), width: 10, height: 2).rows == ["┌ Very … ┐", "└────────┘"])
  }

  @Test func aTitleFromTheDatabaseCannotDriveTheTerminal() {
    #expect(frame(Block(title: "a\u{1b}]0;x"), width: 13, height: 2).rows == ["┌ a\\x1b]0;x ┐", "└───────────┘"])
  }

  @Test func theTrailingTitleGivesWayWhenThereIsNoRoom() {
    let block = Block(title: "Tasks", trailingTitle: Span("12", style: Self.styles.dim))
    #expect(frame(block, width: 14, height: 2).rows == ["┌ Tasks ─ 12 ┐", "└────────────┘"])
    #expect(frame(block, width: 12, height: 2).rows == ["┌ Tasks ───┐", "└──────────┘"])
  }

  @Test func tinyBlocksDrawWhatFitsAndNothingMore() {
    #expect(frame(Block(title: "T"), width: 1, height: 1).rows == ["│"])
    #expect(frame(Block(title: "T"), width: 2, height: 2).rows == ["┌┐", "└┘"])
    #expect(frame(Block(title: "T"), width: 0, height: 0).rows == [])
    #expect(frame(Block(title: "T"), width: 2, height: 2).inner.isEmpty)
  }
}
