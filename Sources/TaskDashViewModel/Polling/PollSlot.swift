/// One of the data sets the dashboard keeps polled; each has at most one poller.
public enum PollSlot: String, CaseIterable, Hashable, Sendable {
  case tasks, runs, metrics, artifacts, health
  /// The page in view (a run's or a task's).
  case page
  /// The failed and timed-out runs that alerts watch (only while alerts are on).
  case watch
  /// The chart in view, and the previous run's series over it.
  case chart, chartOverlay
  /// Failure triage's groups, and the runs of one group.
  case triage, failureRuns
  /// The comparison in view.
  case compare

  /// The pane this slot feeds, if it feeds one.
  var pane: PaneID? { PaneID(rawValue: rawValue) }
}
