/// The orders of the metrics pane.
public enum MetricSort: String, PaneSort {
  /// By name, A to Z (the store's order).
  case name
  /// The most recently updated series first.
  case recent

  /// The name shown in the pane header.
  public var title: String { rawValue }
}
