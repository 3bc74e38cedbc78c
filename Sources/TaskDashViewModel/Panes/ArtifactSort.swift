/// The orders of the artifacts pane.
public enum ArtifactSort: String, PaneSort {
  /// Newest first (the store's order).
  case newest
  /// By name, A to Z.
  case name
  /// Largest content first; artifacts without content last.
  case size

  /// The name shown in the pane header.
  public var title: String { rawValue }
}
