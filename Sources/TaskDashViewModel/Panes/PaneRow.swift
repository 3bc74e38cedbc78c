import TaskDashStore

/// A row type a pane can list: identified, filterable and sortable on the client.
public protocol PaneRow: Identifiable, Hashable, Sendable where ID: Sendable {
  /// The orders this pane offers.
  associatedtype Sort: PaneSort

  /// The order a pane starts in.
  static var defaultSort: Sort { get }

  /// Whether the row matches a filter, given in lower case and not empty.
  func matches(filter: String) -> Bool

  /// The test a pane puts its rows to for a filter as typed, or nil to show every row (the
  /// store filtered them). By default a case-insensitive substring, through `matches`.
  static func clientMatch(for filter: String) -> (@Sendable (Self) -> Bool)?

  /// `rows` in `sort` order; rows the order does not separate keep the store's order.
  static func sorted(_ rows: [Self], by sort: Sort) -> [Self]
}

extension PaneRow {
  /// A case-insensitive substring of the whole text; nil for an empty filter.
  public static func clientMatch(for filter: String) -> (@Sendable (Self) -> Bool)? {
    let needle = filter.lowercased()
    guard !needle.isEmpty else { return nil }
    return { row in row.matches(filter: needle) }
  }

  /// The client's test for a query of `scope`: when it has only plain words, every word must
  /// match (`matches`) or, negated, not; nil when it needs the store (which filtered the rows).
  static func plainWordMatch(for filter: String, scope: FilterScope) -> (@Sendable (Self) -> Bool)? {
    guard let words = (try? FilterParser.parse(filter, for: scope))?.plainWords, !words.isEmpty else { return nil }
    let needles = words.map { (word: $0.word.lowercased(), negated: $0.negated) }
    return { row in needles.allSatisfy { row.matches(filter: $0.word) != $0.negated } }
  }
}

extension String {
  /// Whether this string contains `needle`, which is already in lower case.
  func containsLowercased(_ needle: String) -> Bool {
    lowercased().contains(needle)
  }
}
