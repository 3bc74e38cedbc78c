import Foundation
import TaskDashModel
import TaskDashViewModel
import TerminalUI

/// Failure triage, full screen below the header: a title row, the groups (COUNT, PATTERN,
/// TASKS, FIRST, LAST), and under them the selected group's tasks and newest message, wrapped.
enum TriageScreen {
  static func draw(_ triage: TriageState, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let regions = ScreenLayout.list(area)
    drawTitle(triage, now: now, theme: theme, in: &buffer, area: regions.title)
    var state = TableState(selected: triage.groups.selectedIndex, offset: triage.groups.scrollOffset)
    table(triage, now: now, theme: theme).draw(in: &buffer, area: regions.table, state: &state, styles: theme.widgets)
    guard let group = triage.groups.selectedRow else { return }
    let more = group.taskCount - group.taskNames.count
    let tasks = group.taskNames.joined(separator: ", ") + (more > 0 ? " (+\(more) more)" : "")
    var caption = "newest example"
    if group.exampleLength > group.example.count {
      caption +=
        " · first \(DisplayFormat.grouped(group.example.count)) of "
        + DisplayFormat.grouped(group.exampleLength) + " characters"
    }
    let header: [[Span]] = [
      [Span("tasks  ", style: theme.dim), Span(tasks, style: theme.text)],
      [Span("seen   ", style: theme.dim), Span(seen(group, now: now), style: theme.text)],
    ]
    FailureDetail.draw(
      title: caption, header: header, message: group.example, theme: theme, in: &buffer, area: regions.detail)
  }

  /// COUNT, PATTERN, TASKS, FIRST and LAST (ages) of every group.
  static func table(_ triage: TriageState, now: Date, theme: Theme) -> Table {
    Table(
      columns: [
        .init("COUNT", width: .fixed(6), alignment: .right), .init("PATTERN", width: .fill(1)),
        .init("TASKS", width: .fixed(5), alignment: .right), .init("FIRST", width: .fixed(6), alignment: .right),
        .init("LAST", width: .fixed(6), alignment: .right),
      ],
      rows: triage.groups.rows.map { group in
        Table.Row([
          Span(DisplayFormat.grouped(group.count), style: theme.header),
          group.pattern.isEmpty
            ? Span("(no error message)", style: theme.dim) : Span(group.pattern, style: theme.error),
          Span(String(group.taskCount), style: theme.text),
          Span(PaneTables.shortAge(group.firstSeen, now: now), style: theme.dim),
          Span(PaneTables.shortAge(group.lastSeen, now: now), style: theme.dim),
        ])
      },
      emptyText: PaneTables.emptyText(triage.groups.data, filter: "", noun: "failures in the " + triage.window.title))
  }

  private static func seen(_ group: FailureGroup, now: Date) -> String {
    let count = group.count == 1 ? "once" : DisplayFormat.grouped(group.count) + " times"
    return count + ", first " + DisplayFormat.age(of: group.firstSeen, at: now) + ", last "
      + DisplayFormat.age(of: group.lastSeen, at: now)
  }

  /// "Failures · last 24 hours" and what was read at the left; stale marker and the window key
  /// at the right.
  private static func drawTitle(_ triage: TriageState, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect) {
    var details = ""
    if let failures = triage.failures {
      let groups = triage.groups.data.value?.count ?? 0
      // When the cap was reached the window holds more failures than were read: say which.
      let read = triage.isCapped ? "newest " + DisplayFormat.grouped(triage.cap) : DisplayFormat.grouped(failures)
      details =
        read + (failures == 1 ? " failure" : " failures") + " · " + DisplayFormat.grouped(groups)
        + (groups == 1 ? " pattern" : " patterns")
    }
    var right: [Span] = []
    if triage.groups.data.isStale, let age = triage.groups.data.age(at: now) {
      right.append(Span("STALE " + DisplayFormat.duration(seconds: age.seconds) + "  ", style: theme.stale))
    }
    right.append(Span("t window ", style: theme.dim))
    StatusLine(
      left: [Span(" Failures · " + triage.window.title + "  ", style: theme.title), Span(details, style: theme.dim)],
      right: right, style: theme.keyBar
    ).draw(in: &buffer, area: area)
  }
}
