/// The orders of the runs pane.
public enum RunSort: String, PaneSort {
  /// Newest first (the store's order).
  case newest
  /// By status name, newest first within a status.
  case status
  /// Longest first; unfinished runs last.
  case duration

  /// The name shown in the pane header.
  public var title: String { rawValue }
}
