/// One of the data sets the dashboard keeps polled; each has at most one poller.
public enum PollSlot: String, CaseIterable, Hashable, Sendable {
  case tasks, runs, metrics, artifacts, health
  /// The page in view (a run's or a task's).
  case page
  /// Failure triage's groups, and the runs of one group.
  case triage, failureRuns

  /// The pane this slot feeds, if it feeds one.
  var pane: PaneID? { PaneID(rawValue: rawValue) }
}
