/// A row type a pane can list: identified, filterable and sortable on the client.
public protocol PaneRow: Identifiable, Hashable, Sendable where ID: Sendable {
  /// The orders this pane offers.
  associatedtype Sort: PaneSort

  /// The order a pane starts in.
  static var defaultSort: Sort { get }

  /// Whether the row matches a filter, given in lower case and not empty.
  func matches(filter: String) -> Bool

  /// `rows` in `sort` order; rows the order does not separate keep the store's order.
  static func sorted(_ rows: [Self], by sort: Sort) -> [Self]
}

extension String {
  /// Whether this string contains `needle`, which is already in lower case.
  func containsLowercased(_ needle: String) -> Bool {
    lowercased().contains(needle)
  }
}
