import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashViewModel
import TerminalUI

/// Draws the whole screen for a state: header, the four panes (or the viewer), the key bar,
/// and the help overlay. Pure: the same state and size give the same buffer.
public enum DashboardScreen {
  /// Below this size the screen only says it is too small.
  public static let minimumSize = Size(width: 60, height: 16)

  /// The frame for `state` at `size`; `target` is the masked database target.
  public static func render(_ state: AppState, target: String, theme: Theme, size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
      let lines = [
        "terminal too small", "\(size.width)×\(size.height), need \(minimumSize.width)×\(minimumSize.height)",
      ]
      // Centred, but from the first row when there is room for only one line.
      let top = max(0, (size.height - lines.count) / 2)
      for (index, line) in lines.enumerated() {
        let x = max(0, (size.width - TerminalText.displayWidth(line)) / 2)
        _ = buffer.put(string: line, x: x, y: top + index, style: theme.stale, maxWidth: size.width)
      }
      return buffer
    }
    let (chrome, keyBar, body) = ScreenLayout.regions(size)
    HeaderBar.draw(state, target: target, theme: theme, in: &buffer, area: chrome)
    let under: InputMode
    switch state.screenInView {
    case .viewer(let viewer):
      ViewerScreen.draw(viewer, theme: theme, in: &buffer, area: body)
      under = .viewer
    case .page(let page):
      PageScreen.draw(page, now: state.now, theme: theme, in: &buffer, area: body)
      under = .page
    case .help, nil:
      drawPanes(state, theme: theme, in: &buffer, area: body)
      under = .panes
    case .chart(let chart):
      ChartScreen.draw(chart, now: state.now, theme: theme, in: &buffer, area: body)
      under = .chart
    case .triage(let triage):
      TriageScreen.draw(triage, now: state.now, theme: theme, in: &buffer, area: body)
      under = .triage
    case .failureRuns(let list):
      FailureRunsScreen.draw(list, now: state.now, theme: theme, in: &buffer, area: body)
      under = .failureRuns
    case .compare(let compare):
      CompareScreen.draw(compare, now: state.now, theme: theme, in: &buffer, area: body)
      under = .compare
    }
    drawKeyBar(state, theme: theme, in: &buffer, area: keyBar)
    if state.showsHelp {
      _ = HelpOverlay.overlay(for: under, theme: theme).draw(in: &buffer, area: body, styles: theme.widgets)
    }
    if let picker = state.environmentPicker {
      EnvironmentsOverlay.overlay(picker, current: state.settings.environmentName, theme: theme, width: body.width)
        .draw(in: &buffer, area: body, styles: theme.widgets)
    }
    return buffer
  }

  // MARK: - Panes

  private static func drawPanes(_ state: AppState, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let grid = ScreenLayout.panes(area)
    let now = state.now

    draw(
      PaneTables.tasks(
        state.tasks, width: Block.inner(grid.tasks).width, focused: state.focus == .tasks, now: now, theme: theme),
      pane: state.tasks, title: "Tasks", sortTitle: state.tasks.sort.title, focused: state.focus == .tasks,
      now: now, theme: theme, in: &buffer, area: grid.tasks)
    let runsTitle = state.drilledTaskID == nil ? "Runs" : "Runs of " + (state.levels.first?.title ?? "task")
    draw(
      PaneTables.runs(
        state.runs, width: Block.inner(grid.runs).width, focused: state.focus == .runs,
        showsTask: state.drilledTaskID == nil, now: now, theme: theme, marked: Set(state.markedRuns)),
      pane: state.runs, title: runsTitle, sortTitle: state.runs.sort.title, focused: state.focus == .runs,
      now: now, theme: theme, in: &buffer, area: grid.runs)
    let scope = scopeTitle(state)
    draw(
      PaneTables.metrics(state.metrics, focused: state.focus == .metrics, theme: theme),
      pane: state.metrics, title: "Metrics" + scope, sortTitle: state.metrics.sort.title,
      focused: state.focus == .metrics, now: now, theme: theme, in: &buffer, area: grid.metrics)
    draw(
      PaneTables.artifacts(state.artifacts, focused: state.focus == .artifacts, now: now, theme: theme),
      pane: state.artifacts, title: "Artifacts" + scope, sortTitle: state.artifacts.sort.title,
      focused: state.focus == .artifacts, now: now, theme: theme, in: &buffer, area: grid.artifacts)
  }

  /// Draws a pane's block and its table inside the border.
  private static func draw<Row>(
    _ table: Table, pane: PaneState<Row>, title: String, sortTitle: String, focused: Bool, now: Date, theme: Theme,
    in buffer: inout Buffer, area: Rect
  ) {
    var trailing = "sort: " + sortTitle
    if !pane.filter.isEmpty { trailing = "/" + pane.filter + "  " + trailing }
    var trailingStyle = theme.dim
    let count = pane.data.value == nil ? "" : " (\(pane.rows.count))"
    if pane.data.isStale, let age = pane.data.age(at: now) {
      let marker = "STALE " + DisplayFormat.duration(seconds: age.seconds)
      // The block drops a trailing title that does not fit whole; the marker must not go
      // with the filter and sort, so it stands alone when all three do not fit.
      let room = area.width - 2 - TerminalText.displayWidth(" " + title + count + " ") - 1
      let full = marker + "  " + trailing
      trailing = TerminalText.displayWidth(" " + full + " ") <= room ? full : marker
      trailingStyle = theme.stale
    }
    let block = Block(title: title + count, trailingTitle: Span(trailing, style: trailingStyle), focused: focused)
    let inner = block.draw(in: &buffer, area: area, styles: theme.widgets)
    var tableState = TableState(selected: pane.selectedIndex, offset: pane.scrollOffset)
    table.draw(in: &buffer, area: inner, state: &tableState, styles: theme.widgets)
  }

  private static func scopeTitle(_ state: AppState) -> String {
    if let run = state.levels.last(where: { if case .run = $0 { true } else { false } }) {
      return " of " + run.title
    }
    if let run = state.runs.selectedRow { return " of run #\(run.runNumber)" }
    return ""
  }

  // MARK: - Key bar

  /// The end of `text` that fits in `width` cells, after a `…` when its start was cut.
  static func tail(_ text: String, width: Int) -> String {
    guard TerminalText.displayWidth(text) > width else { return text }
    var kept = Substring(text)
    while !kept.isEmpty, TerminalText.displayWidth("…" + kept) > width { kept = kept.dropFirst() }
    return kept.isEmpty ? "" : "…" + kept
  }

  private static func drawKeyBar(_ state: AppState, theme: Theme, in buffer: inout Buffer, area: Rect) {
    if let prompt = state.prompt {
      let label: String =
        switch prompt.purpose {
        case .filter(let pane): "filter " + pane.rawValue
        case .search: "search"
        }
      let head = " /" + label + ": "
      var text = prompt.text
      var problem: [Span] = []
      if let error = prompt.problem {
        // What cannot be read is said at once, beside the text; the text gives way from its
        // start, so the explanation and the end being typed both stay in view.
        let explanation = "  " + error.description
        problem = [Span(explanation, style: theme.error)]
        text = tail(text, width: area.width - TerminalText.displayWidth(head + "▏" + explanation))
      }
      StatusLine(
        left: [Span(head, style: theme.keyBarKey), Span(text + "▏", style: theme.text)] + problem,
        right: prompt.problem == nil ? [Span("Enter keep · Esc cancel ", style: theme.dim)] : [],
        style: theme.keyBar
      ).draw(in: &buffer, area: area)
      return
    }
    if let hint = state.hint {
      StatusLine(left: [Span(" " + hint, style: theme.keyBarKey)], style: theme.keyBar).draw(in: &buffer, area: area)
      return
    }
    var hints = KeyBindings.hints(for: state.inputMode)
    func spans() -> [Span] { StatusLine.keyHints(hints, keyStyle: theme.keyBarKey, labelStyle: theme.keyBar) }
    // Help and quit must stay on a narrow terminal: the hints before them give way, last first.
    while spans().reduce(0, { $0 + TerminalText.displayWidth($1.text) }) > area.width,
      let index = hints.lastIndex(where: { $0.label != "help" && $0.label != "quit" })
    {
      hints.remove(at: index)
    }
    StatusLine(left: spans(), style: theme.keyBar).draw(in: &buffer, area: area)
  }
}
