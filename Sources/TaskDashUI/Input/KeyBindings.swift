import TaskDashViewModel
import TerminalUI

/// The one key-binding table: key handling, the help overlay and the key bar all read it.
public enum KeyBindings {
  /// The screens that list rows or text: motion keys move a selection or scroll.
  private static let browsing: Set<InputMode> = [.panes, .viewer, .page, .triage, .failureRuns, .compare]
  private static let reading: Set<InputMode> = [.viewer, .page]
  /// Every screen (the help overlay aside): live updates, alerts and quitting work on each.
  private static let screens: Set<InputMode> = browsing.union([.chart])
  /// Where the cursor moves: the screens that list rows or text, and the `e` list.
  private static let listing: Set<InputMode> = browsing.union([.environments])

  /// Every binding, in the order the help overlay lists them.
  public static let table: [KeyBinding] = [
    KeyBinding([.character("j"), .down], "j/↓", "move down (scroll in the viewer)", .moveDown, in: listing),
    KeyBinding([.character("k"), .up], "k/↑", "move up", .moveUp, in: listing),
    KeyBinding(
      [.pageDown, .control("f"), .character(" ")], "PgDn", "page down", .pageDown, in: browsing.subtracting([.panes])),
    // In the panes space marks runs (`toggleMark`, at the end of the table).
    KeyBinding([.pageDown, .control("f")], "PgDn", "page down", .pageDown, in: [.panes]),
    KeyBinding([.pageUp, .control("b")], "PgUp", "page up", .pageUp, in: browsing),
    KeyBinding([.home, .character("g")], "g/Home", "first row / top", .home, in: listing),
    KeyBinding([.end, .character("G")], "G/End", "last row / bottom", .end, in: listing),
    KeyBinding([.tab, .character("l"), .right], "Tab", "next pane", .focusNext, in: [.panes]),
    KeyBinding([.backTab, .character("h"), .left], "S-Tab", "previous pane", .focusPrevious, in: [.panes]),
    KeyBinding([.enter], "Enter", "drill in: task → runs → metrics/artifacts → viewer", .drillIn, in: [.panes]),
    KeyBinding([.enter], "Enter", "read the document at the top in full", .drillIn, in: [.page]),
    KeyBinding([.enter], "Enter", "the runs of the selected error pattern", .drillIn, in: [.triage]),
    KeyBinding([.enter], "Enter", "the selected run's page", .drillIn, in: [.failureRuns]),
    KeyBinding([.enter], "Enter", "switch to the selected environment", .drillIn, in: [.environments]),
    KeyBinding(
      [.escape, .backspace], "Esc", "back one level / close", .back, in: screens.union([.help, .environments])),
    KeyBinding(
      [.character("/")], "/", "filter (status: task: err: dur> since: silent -x)", .beginFilter, in: [.panes]),
    KeyBinding([.character("d")], "d", "the selected run's or task's page", .openPage, in: [.panes]),
    KeyBinding([.character("E")], "E", "failure triage: failures grouped by error", .openTriage, in: [.panes, .page]),
    KeyBinding([.character("c")], "c", "compare the run with the previous run", .compare, in: [.panes, .page]),
    KeyBinding([.character("t")], "t", "window: last 24 hours, 7 days, all", .cycleWindow, in: [.triage]),
    KeyBinding([.character("/")], "/", "search the text", .beginSearch, in: reading),
    KeyBinding([.character("n")], "n", "next match", .nextMatch, in: reading),
    KeyBinding([.character("N")], "N", "previous match", .previousMatch, in: reading),
    KeyBinding([.character("w")], "w", "wrap long lines", .toggleWrap, in: reading),
    KeyBinding([.character("[")], "[", "previous run of the task / previous task", .previousItem, in: [.page]),
    KeyBinding([.character("]")], "]", "next run of the task / next task", .nextItem, in: [.page]),
    KeyBinding([.character("s")], "s", "cycle the focused pane's sort", .cycleSort, in: [.panes]),
    KeyBinding([.character("h"), .left], "h/←", "cursor one column left", .cursorLeft, in: [.chart]),
    KeyBinding([.character("l"), .right], "l/→", "cursor one column right", .cursorRight, in: [.chart]),
    KeyBinding(
      [.character("+"), .character("="), .character("z")], "+/z", "zoom in on time around the cursor", .zoomIn,
      in: [.chart]),
    KeyBinding([.character("-"), .character("Z")], "-/Z", "zoom out", .zoomOut, in: [.chart]),
    KeyBinding([.character("0"), .character("g"), .home], "0/g", "the whole series again", .resetZoom, in: [.chart]),
    KeyBinding([.character("L")], "L", "log / linear scale (values ≤ 0 at the floor)", .toggleLogScale, in: [.chart]),
    KeyBinding([.character("o")], "o", "overlay the previous run of the task", .toggleOverlay, in: [.chart]),
    KeyBinding([.character("p")], "p", "pause / resume live updates", .togglePause, in: screens),
    KeyBinding([.character("a")], "a", "alerts: bell when a run fails or goes silent", .toggleAlerts, in: screens),
    KeyBinding([.character("r")], "r", "refresh now (retry a lost connection)", .refreshNow, in: screens),
    KeyBinding([.character("+"), .character("=")], "+", "refresh faster", .faster, in: browsing),
    KeyBinding([.character("-")], "-", "refresh slower", .slower, in: browsing),
    KeyBinding(
      [.character("e")], "e", "environments of the config file: switch", .openEnvironments,
      in: screens.union([.environments])),
    KeyBinding([.character("?"), .function(1)], "?", "this help", .toggleHelp, in: screens.union([.help])),
    KeyBinding([.character("q"), .control("c")], "q", "quit", .quit, in: screens.union([.help, .environments])),
    KeyBinding(
      [.character(" ")], "space", "mark a run to compare (runs pane; elsewhere page down)", .toggleMark, in: [.panes]),
  ]

  /// Bindings the help lists on one line, under one label and the line's summary: the help
  /// cannot scroll, and each mode's list must fit an 80×24 screen.
  static let helpPairs: [Action: (partner: Action, label: String, summary: String)] = [
    .moveDown: (.moveUp, "j k ↓↑", "move down / up (scroll in the viewer)"),
    .pageDown: (.pageUp, "PgDn/Up", "page down / up"),
    .home: (.end, "g G", "first / last row, top / bottom"),
    .faster: (.slower, "+ -", "refresh faster / slower"),
    .previousItem: (.nextItem, "[ ]", "previous / next run of the task, or task"),
    .compare: (.toggleMark, "c/space", "compare with the previous run; space marks two"),
    .toggleHelp: (.quit, "? q", "this help / quit"),
  ]

  /// The action for `key` in `mode`, or nil when the key does nothing there.
  ///
  /// In a prompt every printable key is text; Enter commits, Esc cancels.
  public static func action(for key: KeyEvent, in mode: InputMode) -> Action? {
    if mode == .prompt {
      switch key {
      case .character(let character): return .insertText(String(character))
      case .backspace, .delete: return .deleteBackward
      case .enter: return .commitPrompt
      case .escape: return .cancelPrompt
      case .control("c"): return .quit
      default: return nil
      }
    }
    return table.first { $0.modes.contains(mode) && $0.keys.contains(key) }?.action
  }

  /// The key bar hints for a mode: a short subset of the table, in table order.
  public static func hints(for mode: InputMode) -> [(key: String, label: String)] {
    let shown: [InputMode: [Action]] = [
      .panes: [
        .drillIn, .openPage, .back, .focusNext, .beginFilter, .openTriage, .compare, .cycleSort, .togglePause,
        .refreshNow, .toggleHelp, .quit,
      ],
      .page: [.back, .drillIn, .previousItem, .nextItem, .beginSearch, .toggleWrap, .toggleHelp, .quit],
      .viewer: [.back, .beginSearch, .nextMatch, .toggleWrap, .home, .end, .toggleHelp, .quit],
      .help: [.back, .quit],
      .chart: [.back, .cursorLeft, .zoomIn, .zoomOut, .resetZoom, .toggleLogScale, .toggleOverlay, .toggleHelp, .quit],
      .triage: [.drillIn, .cycleWindow, .back, .refreshNow, .toggleHelp, .quit],
      .failureRuns: [.drillIn, .back, .refreshNow, .toggleHelp, .quit],
      .compare: [.back, .moveDown, .pageDown, .refreshNow, .toggleHelp, .quit],
      .environments: [.drillIn, .back, .quit],
    ]
    let wanted = shown[mode] ?? []
    return table.filter { $0.modes.contains(mode) && wanted.contains($0.action) }.map { binding in
      (binding.label, shortName(binding.action))
    }
  }

  private static func shortName(_ action: Action) -> String {
    switch action {
    case .drillIn: "open"
    case .openPage: "page"
    case .previousItem: "prev"
    case .nextItem: "next"
    case .back: "back"
    case .focusNext: "pane"
    case .beginFilter: "filter"
    case .beginSearch: "search"
    case .nextMatch: "next"
    case .toggleWrap: "wrap"
    case .cycleSort: "sort"
    case .togglePause: "pause"
    case .refreshNow: "refresh"
    case .toggleHelp: "help"
    case .quit: "quit"
    case .home: "top"
    case .end: "bottom"
    case .cursorLeft: "cursor"
    case .zoomIn: "zoom"
    case .zoomOut: "out"
    case .resetZoom: "all"
    case .toggleLogScale: "log"
    case .toggleOverlay: "overlay"
    case .openTriage: "failures"
    case .cycleWindow: "window"
    case .compare: "compare"
    case .moveDown: "scroll"
    case .pageDown: "page"
    default: ""
    }
  }
}
