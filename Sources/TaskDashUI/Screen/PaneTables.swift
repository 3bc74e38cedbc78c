import Foundation
import TaskDashModel
import TaskDashViewModel
import TerminalUI

/// Builds the four panes' tables from view-model state; drawing is the widgets' job.
enum PaneTables {
  /// Tables narrower than this drop secondary columns and show statuses as symbols, so
  /// that names and errors keep room on an 80-column terminal.
  static let compactWidth = 56

  /// A compact tasks table at least this wide (half of an 80-column terminal) still counts
  /// running and silent runs; narrower, the names keep the room.
  static let compactLiveWidth = 36

  static func tasks(_ pane: PaneState<TaskRow>, width: Int, focused: Bool, now: Date, theme: Theme) -> Table {
    let compact = width < compactWidth
    let showsLive = !compact || width >= compactLiveWidth
    let columns: [Table.Column] =
      compact
      ? [
        .init("TASK", width: .fill(1)), .init("S", width: .fixed(1)),
        .init("RUNS", width: .fixed(4), alignment: .right), .init("OK%", width: .fixed(4), alignment: .right),
      ] + (showsLive ? [.init("LIVE", width: .fixed(4), alignment: .right)] : [])
        + [.init("LAST", width: .fixed(6), alignment: .right)]
      : [
        .init("TASK", width: .fill(1)), .init("STATUS", width: .fixed(11)),
        .init("RUNS", width: .fixed(5), alignment: .right), .init("OK%", width: .fixed(4), alignment: .right),
        .init("LIVE", width: .fixed(4), alignment: .right), .init("LAST RUN", width: .fixed(9), alignment: .right),
      ]
    return Table(
      columns: columns,
      rows: pane.rows.map { row in
        let look = theme.look(row.task.status)
        var cells = [
          Span(row.task.name, style: theme.text),
          Span(statusText(look, row.task.status.rawValue, compact: compact), style: look.style),
          Span(String(row.task.totalRuns), style: theme.text),
          Span(DisplayFormat.percent(row.task.successRate), style: theme.text),
        ]
        if showsLive {
          cells.append(
            Span(
              liveText(row),
              style: row.silentNow > 0 ? theme.silent : theme.look(Lenient<RunStatus>.known(.running)).style))
        }
        cells.append(Span(shortAge(row.lastRunAt, now: now), style: theme.dim))
        return Table.Row(cells)
      },
      focused: focused, emptyText: emptyText(pane.data, filter: pane.filter, noun: "tasks"))
  }

  static func runs(
    _ pane: PaneState<RunRow>, width: Int, focused: Bool, showsTask: Bool, now: Date, theme: Theme,
    marked: Set<UUID> = []
  ) -> Table {
    let compact = width < compactWidth
    var columns: [Table.Column] = [.init("RUN", width: .fixed(5), alignment: .right)]
    if showsTask { columns.append(.init("TASK", width: compact ? .fill(1) : .percentage(30))) }
    columns.append(compact ? .init("S", width: .fixed(1)) : .init("STATUS", width: .fixed(11)))
    // Compact at the top level: the task name and the error share the room, the start time goes.
    let showsStart = !(compact && showsTask)
    if showsStart { columns.append(.init("STARTED", width: .fixed(compact ? 7 : 8), alignment: .right)) }
    columns += [
      .init("TIME", width: .fixed(compact ? 6 : 7), alignment: .right), .init("ERROR", width: .fill(1)),
    ]
    return Table(
      columns: columns,
      rows: pane.rows.map { run in
        let look = theme.look(run.status)
        let silence = run.silentSeconds(at: now).map { "silent " + DisplayFormat.coarseDuration(seconds: $0) }
        // A run marked for comparison shows a `*` before its number.
        let mark = marked.contains(run.id) ? "*" : ""
        var cells = [Span(mark + "#\(run.runNumber)", style: theme.text)]
        if showsTask { cells.append(Span(run.taskName, style: theme.text)) }
        switch (silence, compact) {
        case (let silence?, false): cells.append(Span(silence, style: theme.silent))
        case (.some, true): cells.append(Span(silentSymbol, style: theme.silent))
        case (nil, _): cells.append(Span(statusText(look, run.status.rawValue, compact: compact), style: look.style))
        }
        if showsStart { cells.append(Span(shortAge(run.startedAt, now: now), style: theme.dim)) }
        cells.append(Span(runDuration(run, now: now), style: theme.text))
        // A compact table has room for the symbol only: how long goes where a running run
        // has no error to show.
        if let silence, compact {
          cells.append(Span(silence + (run.errorMessage.map { " " + $0 } ?? ""), style: theme.silent))
        } else {
          cells.append(Span(run.errorMessage ?? "", style: theme.error))
        }
        return Table.Row(cells)
      },
      focused: focused, emptyText: emptyText(pane.data, filter: pane.filter, noun: "runs"))
  }

  static func metrics(_ pane: PaneState<MetricSeries>, focused: Bool, theme: Theme) -> Table {
    Table(
      columns: [
        .init("METRIC", width: .percentage(30)), .init("LATEST", width: .fixed(8), alignment: .right),
        .init("UNIT", width: .fixed(5)), .init("TREND", width: .fill(1)),
      ],
      rows: pane.rows.map { series in
        Table.Row(
          [
            Span(series.name, style: theme.text),
            Span(DisplayFormat.metric(series.latest), style: theme.header),
            Span(series.unit ?? "", style: theme.dim),
          ],
          widgets: [3: AnyWidget(Sparkline(values: series.points, style: theme.sparkline))])
      },
      focused: focused, emptyText: emptyText(pane.data, filter: pane.filter, noun: "metrics"))
  }

  static func artifacts(_ pane: PaneState<ArtifactRow>, focused: Bool, now: Date, theme: Theme) -> Table {
    Table(
      columns: [
        .init("ARTIFACT", width: .fill(1)), .init("TYPE", width: .fixed(6)),
        .init("SIZE", width: .fixed(8), alignment: .right), .init("AGE", width: .fixed(8), alignment: .right),
      ],
      rows: pane.rows.map { artifact in
        Table.Row([
          Span(artifact.name, style: theme.text),
          Span(artifact.artifactType.rawValue, style: theme.dim),
          Span(DisplayFormat.bytes(artifact.contentLength ?? artifact.fileSize), style: theme.text),
          Span(shortAge(artifact.createdAt, now: now), style: theme.dim),
        ])
      },
      focused: focused, emptyText: emptyText(pane.data, filter: pane.filter, noun: "artifacts"))
  }

  // MARK: - Cells

  /// A silent run's status in a compact table: a dotted circle, a running run's ring gone faint.
  static let silentSymbol = "◌"

  /// A task's running runs with the silent ones apart: `2`, `2+1!` (two healthy, one silent),
  /// `1!` (one, silent), or nothing.
  static func liveText(_ row: TaskRow) -> String {
    let silent = min(max(0, row.silentNow), max(0, row.runningNow))
    let healthy = max(0, row.runningNow) - silent
    switch (healthy, silent) {
    case (0, 0): return ""
    case (_, 0): return String(healthy)
    case (0, _): return "\(silent)!"
    default: return "\(healthy)+\(silent)!"
    }
  }

  /// A status as its symbol and name, or as its symbol alone in a compact table.
  private static func statusText(_ look: StatusLook, _ name: String, compact: Bool) -> String {
    compact ? look.symbol : look.symbol + " " + name
  }

  /// A running run's duration grows live from its start; a finished one shows what was stored.
  static func runDuration(_ run: RunRow, now: Date) -> String {
    if let duration = run.duration { return DisplayFormat.duration(seconds: duration) }
    if run.status.known == .running, let started = run.startedAt {
      return DisplayFormat.duration(seconds: max(0, now.timeIntervalSince(started)))
    }
    return "-"
  }

  static func shortAge(_ date: Date?, now: Date) -> String {
    guard let date else { return "-" }
    return DisplayFormat.duration(seconds: max(0, now.timeIntervalSince(date)))
  }

  /// What an empty pane says: loading, nothing yet, nothing matching, or why it failed.
  static func emptyText<Row>(_ data: Loadable<[Row]>, filter: String, noun: String) -> String {
    switch data {
    case .idle: return "select a run or task"
    case .loading: return "loading…"
    case .failed(let failure, nil): return "cannot load \(noun): \(failure.error)"
    case .loaded, .failed: return filter.isEmpty ? "no \(noun) yet" : "no \(noun) match /\(filter)"
    }
  }
}
