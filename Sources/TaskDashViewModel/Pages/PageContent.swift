import TaskDashModel

/// A page's data as the store read it.
public enum PageContent: Hashable, Sendable {
  case run(RunPage)
  case task(TaskPage)
  /// The run or task no longer exists (or never did).
  case missing
}
