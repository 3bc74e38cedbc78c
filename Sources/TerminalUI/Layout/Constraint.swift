/// How much of a split one part asks for.
public enum Constraint: Hashable, Sendable {
  /// Exactly this many cells (less only when there is not enough room).
  case fixed(Int)
  /// At least this many cells; grows into free room when no part has `fill`.
  case min(Int)
  /// This share of the whole, from 0 to 100, rounded down.
  case percentage(Int)
  /// A share of the free room in proportion to the weight.
  case fill(Int)
}
