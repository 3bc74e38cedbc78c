import TaskDashViewModel
import TerminalUI

/// The one key-binding table: key handling, the help overlay and the key bar all read it.
public enum KeyBindings {
  private static let browsing: Set<InputMode> = [.panes, .viewer, .page, .compare]
  private static let reading: Set<InputMode> = [.viewer, .page]

  /// Every binding, in the order the help overlay lists them.
  public static let table: [KeyBinding] = [
    KeyBinding([.character("j"), .down], "j/↓", "move down (scroll in the viewer)", .moveDown, in: browsing),
    KeyBinding([.character("k"), .up], "k/↑", "move up", .moveUp, in: browsing),
    KeyBinding(
      [.pageDown, .control("f"), .character(" ")], "PgDn", "page down", .pageDown, in: [.viewer, .page, .compare]),
    // In the panes space marks runs (`toggleMark`, at the end of the table).
    KeyBinding([.pageDown, .control("f")], "PgDn", "page down", .pageDown, in: [.panes]),
    KeyBinding([.pageUp, .control("b")], "PgUp", "page up", .pageUp, in: browsing),
    KeyBinding([.home, .character("g")], "g/Home", "first row / top", .home, in: browsing),
    KeyBinding([.end, .character("G")], "G/End", "last row / bottom", .end, in: browsing),
    KeyBinding([.tab, .character("l"), .right], "Tab", "next pane", .focusNext, in: [.panes]),
    KeyBinding([.backTab, .character("h"), .left], "S-Tab", "previous pane", .focusPrevious, in: [.panes]),
    KeyBinding([.enter], "Enter", "drill in: task → runs → metrics/artifacts → viewer", .drillIn, in: [.panes]),
    KeyBinding([.enter], "Enter", "read the document at the top in full", .drillIn, in: [.page]),
    KeyBinding(
      [.escape, .backspace], "Esc", "back one level / close", .back, in: [.panes, .viewer, .page, .help, .compare]),
    KeyBinding([.character("/")], "/", "filter the focused pane", .beginFilter, in: [.panes]),
    KeyBinding([.character("d")], "d", "the selected run's or task's page", .openPage, in: [.panes]),
    KeyBinding([.character("/")], "/", "search the text", .beginSearch, in: reading),
    KeyBinding([.character("n")], "n", "next match", .nextMatch, in: reading),
    KeyBinding([.character("N")], "N", "previous match", .previousMatch, in: reading),
    KeyBinding([.character("w")], "w", "wrap long lines", .toggleWrap, in: reading),
    KeyBinding([.character("[")], "[", "previous run of the task / previous task", .previousItem, in: [.page]),
    KeyBinding([.character("]")], "]", "next run of the task / next task", .nextItem, in: [.page]),
    KeyBinding([.character("s")], "s", "cycle the focused pane's sort", .cycleSort, in: [.panes]),
    KeyBinding([.character("p")], "p", "pause / resume live updates", .togglePause, in: browsing),
    KeyBinding([.character("r")], "r", "refresh now (retry a lost connection)", .refreshNow, in: browsing),
    KeyBinding([.character("+"), .character("=")], "+", "refresh faster", .faster, in: browsing),
    KeyBinding([.character("-")], "-", "refresh slower", .slower, in: browsing),
    KeyBinding(
      [.character("?"), .function(1)], "?", "this help", .toggleHelp, in: [.panes, .viewer, .page, .help, .compare]),
    KeyBinding([.character("q"), .control("c")], "q", "quit", .quit, in: [.panes, .viewer, .page, .help, .compare]),
    KeyBinding([.character("c")], "c", "compare the run with the previous run", .compare, in: [.panes, .page]),
    KeyBinding(
      [.character(" ")], "space", "mark a run to compare (runs pane; elsewhere page down)", .toggleMark, in: [.panes]),
  ]

  /// Bindings the help lists on one line, the second's keys after the first's, with the
  /// line's summary: the help cannot scroll, and a page's list must fit an 80×24 screen.
  static let helpPairs: [Action: (partner: Action, summary: String)] = [
    .previousItem: (.nextItem, "previous / next run of the task, or task"),
    .faster: (.slower, "refresh faster / slower"),
    .compare: (.toggleMark, "compare with the previous run; space marks two"),
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
        .drillIn, .openPage, .back, .focusNext, .beginFilter, .cycleSort, .togglePause, .refreshNow, .toggleHelp, .quit,
      ],
      .page: [.back, .drillIn, .previousItem, .nextItem, .beginSearch, .toggleWrap, .toggleHelp, .quit],
      .viewer: [.back, .beginSearch, .nextMatch, .toggleWrap, .home, .end, .toggleHelp, .quit],
      .help: [.back, .quit],
      .compare: [.back, .moveDown, .pageDown, .refreshNow, .toggleHelp, .quit],
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
    case .compare: "compare"
    case .moveDown: "scroll"
    case .pageDown: "page"
    default: ""
    }
  }
}
