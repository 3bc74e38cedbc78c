import Testing

@testable import TerminalUI

@Suite struct TableTests {
  private let columns = [
    Table.Column("Name", width: .fill(1)),
    Table.Column("Runs", width: .fixed(4), alignment: .right),
  ]

  private func rows(_ count: Int) -> [Table.Row] {
    (0..<count).map { Table.Row(texts: ["task-\($0)", "\($0 * 7)"]) }
  }

  @Test func theHeaderAndTheFirstRowsAreShown() {
    var buffer = Buffer(size: Size(width: 14, height: 4))
    var state = TableState(selected: 0)
    Table(columns: columns, rows: rows(5)).draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(
      buffer.rows == [
        "Name      Runs",
        "task-0       0",
        "task-1       7",
        "task-2      14",
      ])
    #expect(buffer[0, 0].style == WidgetStyles().header)
    #expect(buffer[0, 1].style == WidgetStyles().selection)
    #expect(buffer[13, 1].style == WidgetStyles().selection)
    #expect(buffer[0, 2].style == .plain)
  }

  @Test func movingTheSelectionDownScrollsJustEnough() {
    var buffer = Buffer(size: Size(width: 14, height: 4))
    var state = TableState(selected: 0)
    let table = Table(columns: columns, rows: rows(6))
    state.move(by: 3, rowCount: 6)
    table.draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(state.offset == 1)
    #expect(buffer.rows == ["Name      Runs", "task-1       7", "task-2      14", "task-3      21"])
    #expect(buffer[0, 3].style == WidgetStyles().selection)
    state.move(by: 99, rowCount: 6)
    table.draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(state == TableState(selected: 5, offset: 3))
    #expect(buffer.rows == ["Name      Runs", "task-3      21", "task-4      28", "task-5      35"])
    state.move(by: -4, rowCount: 6)
    table.draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(state == TableState(selected: 1, offset: 1))
  }

  @Test func theSelectionIsClampedWhenRowsGoAway() {
    var buffer = Buffer(size: Size(width: 14, height: 4))
    var state = TableState(selected: 9, offset: 8)
    Table(columns: columns, rows: rows(2)).draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(state == TableState(selected: 1, offset: 0))
    #expect(buffer.rows == ["Name      Runs", "task-0       0", "task-1       7", "              "])
  }

  @Test func anUnfocusedTableShowsItsSelectionInTheUnfocusedStyle() {
    var buffer = Buffer(size: Size(width: 14, height: 2))
    var state = TableState(selected: 0)
    Table(columns: columns, rows: rows(1), focused: false)
      .draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(buffer[0, 1].style == WidgetStyles().unfocusedSelection)
  }

  @Test func longAndWideTextIsCutWithAnEllipsisAtTheColumnEdge() {
    var buffer = Buffer(size: Size(width: 10, height: 3))
    var state = TableState()
    let table = Table(
      columns: [Table.Column("Name", width: .fixed(5)), Table.Column("X", width: .fill(1))],
      rows: [Table.Row(texts: ["日本語テキスト", "x"]), Table.Row(texts: ["abcdefgh", "\u{1b}[2J"])])
    table.draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(
      buffer.rows == [
        "Name  X   ",
        "日本… x   ",
        "abcd… \\x1…",
      ])
  }

  @Test func aWideGlyphStraddlingAColumnEdgeBecomesASpace() {
    var buffer = Buffer(size: Size(width: 6, height: 2))
    var state = TableState()
    let table = Table(
      columns: [Table.Column("A", width: .fixed(4)), Table.Column("B", width: .fill(1))],
      rows: [Table.Row(texts: ["a日本", "b"])])
    table.draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(buffer.rows == ["A    B", "a日… b"])
    var narrow = Buffer(size: Size(width: 6, height: 2))
    Table(
      columns: [Table.Column("A", width: .fixed(3)), Table.Column("B", width: .fill(1))],
      rows: [Table.Row(texts: ["日本", "b"])]
    ).draw(in: &narrow, area: narrow.area, state: &state, styles: WidgetStyles())
    #expect(narrow.rows == ["A   B ", "日… b "])
  }

  @Test func anEmptyTableShowsItsPlaceholder() {
    var buffer = Buffer(size: Size(width: 14, height: 3))
    var state = TableState(selected: 0)
    Table(columns: columns, rows: [], emptyText: "no tasks yet")
      .draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(buffer.rows == ["Name      Runs", "no tasks yet  ", "              "])
    #expect(state.selected == nil)
    #expect(buffer[0, 1].style == WidgetStyles().dim)
  }

  @Test func aTableInAnAreaOfOneRowShowsOnlyItsHeader() {
    var buffer = Buffer(size: Size(width: 14, height: 1))
    var state = TableState(selected: 3)
    Table(columns: columns, rows: rows(5)).draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(buffer.rows == ["Name      Runs"])
    var empty = Buffer(size: Size(width: 0, height: 0))
    Table(columns: columns, rows: rows(5)).draw(in: &empty, area: empty.area, state: &state, styles: WidgetStyles())
    #expect(state.selected == 3)
  }

  @Test func cellStylesAreKeptOutsideTheSelection() {
    var buffer = Buffer(size: Size(width: 14, height: 3))
    var state = TableState(selected: 0)
    let failed = Style(foreground: .red, bold: true)
    let rows = [
      Table.Row([Span("a"), Span("1")]),
      Table.Row([Span("✗ failed", style: failed), Span("2")]),
    ]
    Table(columns: columns, rows: rows).draw(in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles())
    #expect(buffer.rows[2] == "✗ failed     2")
    #expect(buffer[0, 2].style == failed)
  }

  @Test func aWidgetDrawsItsOwnCellAndTakesTheSelectionStyleOnTheSelectedRow() {
    var buffer = Buffer(size: Size(width: 14, height: 3))
    var state = TableState(selected: 1)
    let bars = Style(foreground: .green)
    let rows = (0..<2).map { index in
      Table.Row(
        [Span("m\(index)")], widgets: [1: AnyWidget(Sparkline(values: [0, 1, 2, 3], style: bars))])
    }
    let selection = Style(reverse: true)
    Table(columns: columns, rows: rows).draw(
      in: &buffer, area: buffer.area, state: &state, styles: WidgetStyles(selection: selection))
    #expect(buffer.rows == ["Name      Runs", "m0        ▁▃▆█", "m1        ▁▃▆█"])
    #expect(buffer[10, 1].style == bars)
    #expect(buffer[10, 2].style == selection)
    let again = Table.Row([Span("m0")], widgets: [1: AnyWidget(Sparkline(values: [0, 1, 2, 3], style: bars))])
    #expect(rows[0] == again && rows[0] != Table.Row([Span("m0")]), "rows with widgets compare by value")
  }
}
