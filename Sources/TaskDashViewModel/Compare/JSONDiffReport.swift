/// The differences between two documents: the first `limit` in full, and how many there are.
public struct JSONDiffReport: Hashable, Sendable {
  /// The differences kept, in the order found.
  public private(set) var differences: [JSONDifference] = []
  /// Every difference found, kept or not.
  public private(set) var total = 0
  /// How many are kept.
  let limit: Int

  /// An empty report keeping at most `limit` differences.
  init(limit: Int) {
    self.limit = max(0, limit)
  }

  /// The differences found but not kept ("and 1,234 more").
  public var more: Int { total - differences.count }

  /// Whether the documents are the same.
  public var isEmpty: Bool { total == 0 }

  mutating func add(_ kind: JSONDifference.Kind, _ path: JSONPath, old: String?, new: String?) {
    total += 1
    if differences.count < limit { differences.append(JSONDifference(kind: kind, path: path, old: old, new: new)) }
  }
}
