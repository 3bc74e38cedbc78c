/// One of the data sets the dashboard keeps polled; each has at most one poller.
public enum PollSlot: String, CaseIterable, Hashable, Sendable {
  case tasks, runs, metrics, artifacts, health
  /// The page in view (a run's or a task's).
  case page
  /// The comparison in view.
  case compare

  /// The pane this slot feeds, if it feeds one.
  var pane: PaneID? { PaneID(rawValue: rawValue) }
}
