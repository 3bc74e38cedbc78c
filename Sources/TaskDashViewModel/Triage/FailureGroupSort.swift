/// The order of the failure groups: the store's (largest first, then the most recent).
public enum FailureGroupSort: String, PaneSort {
  case largest

  /// The name shown in a header.
  public var title: String { rawValue }
}
