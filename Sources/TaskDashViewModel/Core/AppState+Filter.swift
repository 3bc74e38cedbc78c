import TaskDashStore

extension AppState {
  /// Filters `pane` with `text` as if typed at its `/` prompt and kept (and `snapshot --filter`
  /// before it reads); a query the pane cannot read throws and changes nothing.
  public mutating func setFilter(_ text: String, on pane: PaneID) throws(FilterError) {
    if let scope = pane.filterScope { _ = try FilterParser.parse(text, for: scope) }
    change(pane, .setFilter(text))
  }
}
