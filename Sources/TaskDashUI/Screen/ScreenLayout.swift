import TaskDashViewModel
import TerminalUI

/// Where everything goes on a screen of a given size: the one place the geometry is worked
/// out. `DashboardScreen` draws into these areas, and `paneLayout(for:)` tells the view-model
/// the rows they hold (sent on start and on every resize), so paging and the selection follow
/// what is drawn.
public enum ScreenLayout {
  /// The header and breadcrumb (two rows), the key bar (the last row) and the body between.
  static func regions(_ size: Size) -> (chrome: Rect, keyBar: Rect, body: Rect) {
    let (chrome, rest) = Rect(x: 0, y: 0, width: max(0, size.width), height: max(0, size.height)).splitTop(2)
    let (keyBar, body) = rest.splitBottom(1)
    return (chrome, keyBar, body)
  }

  /// The four panes in a 2×2 grid over the body.
  static func panes(_ body: Rect) -> (tasks: Rect, runs: Rect, metrics: Rect, artifacts: Rect) {
    let (upper, lower) = body.splitTop(body.height / 2)
    let top = Layout.horizontal([.percentage(50), .fill(1)]).split(upper)
    let bottom = Layout.horizontal([.percentage(50), .fill(1)]).split(lower)
    return (top[0], top[1], bottom[0], bottom[1])
  }

  /// A full-screen reader (the viewer, a page) over the body: a title row, then its text.
  static func reader(_ body: Rect) -> (title: Rect, text: Rect) {
    let (title, text) = body.splitTop(1)
    return (title, text)
  }

  /// Columns left of a chart's plot: a value label and the axis line.
  static let chartAxisWidth = 9

  /// A chart over the body: a title row, the y axis beside the plot, the x axis' time labels,
  /// and the cursor's readout at the bottom.
  static func chart(_ body: Rect) -> (title: Rect, axis: Rect, plot: Rect, times: Rect, readout: Rect) {
    let (title, rest) = body.splitTop(1)
    let (readout, above) = rest.splitBottom(1)
    let (times, middle) = above.splitBottom(1)
    let (axis, plot) = middle.splitLeft(chartAxisWidth)
    return (title, axis, plot, times, readout)
  }

  /// A full-screen list (failure triage, a group's runs) over the body: a title row, the
  /// table, and a box for the selected row's details, two fifths of the rest.
  static func list(_ body: Rect) -> (title: Rect, table: Rect, detail: Rect) {
    let (title, rest) = body.splitTop(1)
    let (detail, table) = rest.splitBottom(max(3, rest.height * 2 / 5))
    return (title, table, detail)
  }

  /// What the view-model needs to know of the layout at `size`: the data rows of each pane
  /// (inside its border, below its column header) and the viewer's text area.
  public static func paneLayout(for size: Size) -> PaneLayout {
    let body = regions(size).body
    let grid = panes(body)
    let areas: [PaneID: Rect] = [
      .tasks: grid.tasks, .runs: grid.runs, .metrics: grid.metrics, .artifacts: grid.artifacts,
    ]
    let rows = areas.mapValues { Table.visibleRows(height: Block.inner($0).height) }
    let text = reader(body).text
    var layout = PaneLayout(
      width: size.width, height: size.height, paneRows: rows, viewerRows: text.height, viewerColumns: text.width,
      listRows: Table.visibleRows(height: list(body).table.height))
    layout.chartColumns = chart(body).plot.width * 2
    return layout
  }
}
