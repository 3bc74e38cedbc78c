/// Which list a filter is for: what `status:` names and which terms make sense.
public enum FilterScope: Hashable, Sendable {
  /// The runs pane (and `snapshot --filter`).
  case runs
  /// The tasks pane: run-only terms (`dur`, `err`) are refused.
  case tasks
}
