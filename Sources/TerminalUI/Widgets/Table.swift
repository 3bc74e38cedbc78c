/// Rows of cells under a header row, with one row selected and kept in view.
public struct Table: Hashable, Sendable {
  /// One column: its header, how wide it is, and which side its text keeps to.
  public struct Column: Hashable, Sendable {
    /// The header text.
    public var title: String
    /// How much of the table width the column gets.
    public var width: Constraint
    /// `.right` for numbers.
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
      self.title = title
      self.width = width
      self.alignment = alignment
    }
  }

  /// One row: a span per column, or a widget that draws the column's cell itself.
  public struct Row: Hashable, Sendable {
    /// The cells, one per column; missing ones are blank.
    public var cells: [Span]
    /// Widgets by column index; a widget's cell is drawn by the widget, not from `cells`.
    public var widgets: [Int: AnyWidget]

    /// A row of styled cells, some of them widgets.
    public init(_ cells: [Span], widgets: [Int: AnyWidget] = [:]) {
      self.cells = cells
      self.widgets = widgets
    }

    /// A row of plain texts in one style.
    public init(texts: [String], style: Style = .plain) {
      self.cells = texts.map { Span($0, style: style) }
      self.widgets = [:]
    }
  }

  /// The columns, left to right.
  public var columns: [Column]
  /// All rows; only those in view are drawn.
  public var rows: [Row]
  /// Whether the table's pane has focus (decides the selection style).
  public var focused: Bool
  /// Cells between columns.
  public var columnSpacing: Int
  /// Shown, dimmed, in place of rows when there are none.
  public var emptyText: String?

  /// Creates a table.
  public init(
    columns: [Column], rows: [Row], focused: Bool = true, columnSpacing: Int = 1, emptyText: String? = nil
  ) {
    self.columns = columns
    self.rows = rows
    self.focused = focused
    self.columnSpacing = columnSpacing
    self.emptyText = emptyText
  }

  /// Rows that fit under the header in an area `height` rows high.
  public static func visibleRows(height: Int) -> Int {
    max(0, height - 1)
  }

  /// Draws the header and the rows in view into `area`, scrolling `state` so that the
  /// selected row is shown.
  public func draw(in buffer: inout Buffer, area: Rect, state: inout TableState, styles: WidgetStyles) {
    let area = area.intersection(buffer.area)
    state.clamp(rowCount: rows.count)
    let visible = Table.visibleRows(height: area.height)
    state.scrollToSelection(visibleRows: visible, rowCount: rows.count)
    guard !area.isEmpty else { return }
    let widths = Layout.lengths(columns.map(\.width), total: area.width, spacing: columnSpacing)
    drawLine(
      columns.map { Span($0.title, style: styles.header) }, in: &buffer, row: area.row(0), widths: widths,
      fill: styles.header)
    if rows.isEmpty, let emptyText, visible > 0 {
      buffer.put(string: emptyText, x: area.x, y: area.y + 1, style: styles.dim, maxWidth: area.width, ellipsis: "…")
      return
    }
    for line in 0..<visible {
      let index = state.offset + line
      guard index < rows.count else { break }
      let rowArea = area.row(line + 1)
      if index == state.selected {
        let selection = focused ? styles.selection : styles.unfocusedSelection
        let cells = rows[index].cells.map { Span($0.text, style: selection) }
        drawLine(cells, widgets: rows[index].widgets, in: &buffer, row: rowArea, widths: widths, fill: selection)
      } else {
        drawLine(rows[index].cells, widgets: rows[index].widgets, in: &buffer, row: rowArea, widths: widths, fill: nil)
      }
    }
  }

  private func drawLine(
    _ cells: [Span], widgets: [Int: AnyWidget] = [:], in buffer: inout Buffer, row: Rect, widths: [Int], fill: Style?
  ) {
    if let fill { buffer.fill(row, with: Cell(" ", style: fill)) }
    var x = row.x
    for (index, width) in widths.enumerated() {
      if let widget = widgets[index], width > 0 {
        widget.draw(in: &buffer, area: Rect(x: x, y: row.y, width: width, height: 1), style: fill)
      } else if index < cells.count && width > 0 {
        buffer.put(
          string: cells[index].text, x: x, y: row.y, width: width, alignment: columns[index].alignment,
          style: cells[index].style)
      }
      x += width + columnSpacing
    }
  }
}
