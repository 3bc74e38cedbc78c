import Foundation
import TaskDashModel
import TaskDashViewModel
import TerminalUI

/// The runs of one failure group, full screen below the header: a title row with the pattern,
/// the runs (as the runs pane lists them), and under them the selected run's message, wrapped.
enum FailureRunsScreen {
  static func draw(_ list: FailureRunsState, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let regions = ScreenLayout.list(area)
    drawTitle(list, now: now, theme: theme, in: &buffer, area: regions.title)
    var state = TableState(selected: list.runs.selectedIndex, offset: list.runs.scrollOffset)
    PaneTables.runs(list.runs, width: regions.table.width, focused: true, showsTask: true, now: now, theme: theme)
      .draw(in: &buffer, area: regions.table, state: &state, styles: theme.widgets)
    guard let run = list.runs.selectedRow else { return }
    let header: [[Span]] = [
      [
        Span("run    ", style: theme.dim), Span(run.taskName + " #\(run.runNumber)  ", style: theme.text),
        Span(run.status.rawValue, style: theme.look(run.status).style),
        Span("  " + DisplayFormat.age(of: run.createdAt, at: now), style: theme.dim),
      ]
    ]
    FailureDetail.draw(
      title: "error message · Enter opens the run's page", header: header, message: run.errorMessage ?? "",
      theme: theme, in: &buffer, area: regions.detail)
  }

  private static func drawTitle(
    _ list: FailureRunsState, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect
  ) {
    var right: [Span] = []
    if list.runs.data.isStale, let age = list.runs.data.age(at: now) {
      right.append(Span("STALE " + DisplayFormat.duration(seconds: age.seconds) + " ", style: theme.stale))
    }
    let pattern = list.group.pattern.isEmpty ? "(no error message)" : list.group.pattern
    let count = list.runs.data.value.map { "newest \($0.count) of \(DisplayFormat.grouped(list.group.count)) · " } ?? ""
    // The pattern goes last: a long one is cut at the right, the counts stay.
    StatusLine(
      left: [
        Span(" Runs ", style: theme.title), Span(count + list.window.title + "  ", style: theme.dim),
        Span(pattern, style: theme.error),
      ],
      right: right, style: theme.keyBar
    ).draw(in: &buffer, area: area)
  }
}
