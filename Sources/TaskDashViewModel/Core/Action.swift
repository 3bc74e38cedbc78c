/// What the operator asked for; the UI maps keys to actions through its key-binding table.
///
/// Motion actions act on what is on screen: in the panes they move the selection of the
/// focused pane, in the viewer they scroll the artifact.
public enum Action: Hashable, Sendable {
  /// One row up (panes) or one line up (viewer).
  case moveUp
  /// One row down (panes) or one line down (viewer).
  case moveDown
  /// One page up.
  case pageUp
  /// One page down.
  case pageDown
  /// The first row, or the top of the artifact (`g`).
  case home
  /// The last row, or the end of the artifact (`G`).
  case end
  /// Focus the next pane (Tab).
  case focusNext
  /// Focus the previous pane (Shift-Tab).
  case focusPrevious
  /// Enter: scope runs to the task, focus a run's metrics and artifacts, open an artifact.
  case drillIn
  /// Esc: close the viewer or help, or go back one drill level.
  case back
  /// `/` in the panes: filter the focused pane.
  case beginFilter
  /// `/` in the viewer: search the artifact.
  case beginSearch
  /// Typed text for the open prompt.
  case insertText(String)
  /// Backspace in the open prompt.
  case deleteBackward
  /// Enter in the open prompt: keep the filter, or run the search.
  case commitPrompt
  /// Esc in the open prompt: restore the filter as it was, or drop the search.
  case cancelPrompt
  /// `s`: the focused pane's next sort order.
  case cycleSort
  /// `p`: stop or resume polling.
  case togglePause
  /// `r`: poll everything now (also retries a lost connection at once).
  case refreshNow
  /// A shorter refresh interval.
  case faster
  /// A longer refresh interval.
  case slower
  /// `?`: show or hide the help overlay.
  case toggleHelp
  /// `q`: quit.
  case quit
  /// `n` in the viewer: the next match.
  case nextMatch
  /// `N` in the viewer: the previous match.
  case previousMatch
  /// `w` in the viewer: wrap long lines or not.
  case toggleWrap
  /// `d`: open the selected run's or task's own page.
  case openPage
  /// `[` on a page: the previous run of the same task, or the previous task.
  case previousItem
  /// `]` on a page: the next run of the same task, or the next task.
  case nextItem
  /// `a`: alerts (bell and desktop notification) on or off.
  case toggleAlerts
  /// `h`/← on a chart: the cursor one column left.
  case cursorLeft
  /// `l`/→ on a chart: the cursor one column right.
  case cursorRight
  /// `L` on a chart: log or linear scale.
  case toggleLogScale
  /// `+` on a chart: half the time, around the cursor.
  case zoomIn
  /// `-` on a chart: twice the time, around the cursor.
  case zoomOut
  /// `0` on a chart: the whole series again.
  case resetZoom
  /// `o` on a chart: overlay the same metric of the previous run of the task.
  case toggleOverlay
  /// A click on a pane's border or title: focus the pane.
  case focusPane(PaneID)
  /// A click on a pane's row, counted from the first row on screen: focus the pane and select
  /// the row.
  case clickRow(PaneID, Int)
  /// `e`: the config file's environments, to switch to one.
  case openEnvironments
  /// `E`: failure triage, the failures grouped by error pattern.
  case openTriage
  /// `t` in triage: the next time window (24 hours, 7 days, all).
  case cycleWindow
  /// `c`: compare the two marked runs, or the run with the previous run of its task.
  case compare
  /// Space in the runs pane: mark or unmark the selected run for `c`.
  case toggleMark
}
