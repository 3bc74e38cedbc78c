import Testing

@testable import TerminalUI

@Suite struct LineChartTests {
  static func flat(_ value: Double, count: Int) -> [LineChart.Column?] {
    Array(repeating: LineChart.Column(low: value, high: value, last: value), count: count)
  }

  static func draw(_ chart: LineChart, width: Int = 4, height: Int = 2) -> Buffer {
    var buffer = Buffer(size: Size(width: width, height: height))
    chart.draw(in: &buffer, area: buffer.area)
    return buffer
  }

  @Test func oneColumnsRangeRunsFromItsLowToItsHighAndTheLineJoinsIt() {
    // Eight dot columns over 8 dot rows: 0 at the bottom, 7 at the top; column 4 spikes to 7.
    var columns = Self.flat(0, count: 8)
    columns[4] = LineChart.Column(low: 0, high: 7, last: 0)
    let frame = Self.draw(LineChart(series: [LineChart.Series(columns: columns, style: .plain)], bottom: 0, top: 7))
    #expect(frame.rows == ["  ⡇ ", "⣀⣀⣇⣀"])
  }

  @Test func aFlatSeriesDrawsInTheMiddleAndValuesOutsideAreClamped() {
    let flat = Self.draw(
      LineChart(series: [LineChart.Series(columns: Self.flat(5, count: 8), style: .plain)], bottom: 5, top: 5))
    #expect(flat.rows == ["    ", "⠉⠉⠉⠉"])
    let clamped = Self.draw(
      LineChart(series: [LineChart.Series(columns: Self.flat(99, count: 8), style: .plain)], bottom: 0, top: 7))
    #expect(clamped.rows == ["⠉⠉⠉⠉", "    "])
  }

  @Test func columnsWithoutValueAreBridgedByAStraightLine() {
    var columns = Self.flat(0, count: 8)
    columns[2] = nil
    columns[3] = nil
    columns[4] = LineChart.Column(low: 7, high: 7, last: 7)
    let frame = Self.draw(LineChart(series: [LineChart.Series(columns: columns, style: .plain)], bottom: 0, top: 7))
    // Columns 2 and 3 climb from the bottom (rows 7 to 5, then 5 to 2) to column 4 at the top;
    // column 5 falls from there to the bottom.
    #expect(frame.rows == [" ⢠⢿ ", "⣀⡞⢸⣀"])
  }

  @Test func theMainSeriesTakesASharedCellAndTheCursorColumnIsMarked() {
    let main = LineChart.Series(columns: Self.flat(7, count: 4), style: Style(bold: true))
    let overlay = LineChart.Series(columns: Self.flat(0, count: 8), style: Style(dim: true))
    let cursor = Style(reverse: true)
    let frame = Self.draw(
      LineChart(series: [main, overlay], bottom: 0, top: 7, cursor: 7, cursorStyle: cursor))
    #expect(frame.rows == ["⠉⠉  ", "⣀⣀⣀⣀"])
    #expect(frame[0, 0].style == Style(bold: true))
    #expect(frame[0, 1].style == Style(dim: true))
    #expect(frame[3, 0].style == cursor && frame[3, 1].style == cursor)
  }
}
