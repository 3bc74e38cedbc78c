import Testing

@testable import TerminalUI

/// Widgets put together the way the dashboard does: a header, a pane with a table and a
/// sparkline, the key bar.
@Suite struct ScreenCompositionTests {
  private func draw(size: Size, styles: WidgetStyles = WidgetStyles()) -> Buffer {
    var buffer = Buffer(size: size)
    let parts = Layout.vertical([.fixed(1), .fill(1), .fixed(1)]).split(buffer.area)
    StatusLine(left: [Span("taskdash")], right: [Span("sqlite")], style: styles.header)
      .draw(in: &buffer, area: parts[0])
    let inner = Block(title: "Tasks", focused: true).draw(in: &buffer, area: parts[1], styles: styles)
    let columns = Layout.vertical([.fill(1), .fixed(1)]).split(inner)
    var state = TableState(selected: 1)
    Table(
      columns: [
        Table.Column("Name", width: .fill(1)), Table.Column("Status", width: .fixed(11)),
      ],
      rows: [
        Table.Row([Span("index 日本"), Span("● running")]),
        Table.Row([Span("evil\u{1b}[2J"), Span("✗ failed")]),
      ]
    ).draw(in: &buffer, area: columns[0], state: &state, styles: styles)
    Sparkline(values: [1, 3, 2, 8, 5]).draw(in: &buffer, area: columns[1])
    StatusLine(
      left: StatusLine.keyHints(
        [("q", "quit"), ("?", "help")], keyStyle: Style(bold: true, reverse: true), labelStyle: Style(reverse: true)),
      style: Style(reverse: true)
    ).draw(in: &buffer, area: parts[2])
    return buffer
  }

  @Test func aSmallDashboardFrameReadsAsExpected() {
    #expect(
      draw(size: Size(width: 28, height: 8)).rows == [
        "taskdash              sqlite",
        "┏ Tasks ━━━━━━━━━━━━━━━━━━━┓",
        "┃Name           Status     ┃",
        "┃index 日本     ● running  ┃",
        "┃evil\\x1b[2J    ✗ failed   ┃",
        "┃                     ▁▃▂█▅┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        " q quit  ? help             ",
      ])
  }

  @Test func everySizeDrawsWithoutBreakingAWideGlyph() {
    for width in 0...30 {
      for height in 0...8 {
        let buffer = draw(
          size: Size(width: width, height: height),
          styles: WidgetStyles(selection: Style(foreground: .black, background: .cyan)))
        for y in 0..<height {
          for x in 0..<width where buffer[x, y].isContinuation {
            #expect(x > 0 && TerminalText.displayWidth(of: Character(buffer[x - 1, y].glyph)) == 2)
          }
        }
      }
    }
  }
}
