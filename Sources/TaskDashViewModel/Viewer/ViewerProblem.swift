import TaskDashStore

/// Why the viewer cannot show (all of) its artifact.
public enum ViewerProblem: Hashable, Sendable {
  /// Reading the content or metadata failed; `r` tries again.
  case failed(StoreError)
  /// The artifact was deleted while it was open.
  case vanished
}
