/// Which key table the UI should use, from what is on screen.
public enum InputMode: Hashable, Sendable {
  /// The four panes: navigation, drill-in, filter, sort and the rest.
  case panes
  /// The artifact viewer: scrolling, search, wrap.
  case viewer
  /// A run's or a task's page: scrolling, search, wrap, the previous and next run or task.
  case page
  /// A prompt is open: printable keys are `.insertText`, Backspace `.deleteBackward`, Enter
  /// `.commitPrompt`, Esc `.cancelPrompt`.
  case prompt
  /// The help overlay: `?` or Esc closes it, `q` quits; other keys are ignored.
  case help
  /// A metric's chart: the cursor, log scale, zoom, the previous run's overlay.
  case chart
  /// Failure triage: the groups, Enter for a group's runs, `t` for the window.
  case triage
  /// The runs of a failure group: Enter opens a run's page.
  case failureRuns
  /// A run comparison: scrolling, refresh.
  case compare
  /// The `e` list of environments: move, Enter to switch, Esc to close.
  case environments
}
