/// Why a filter cannot be used: where in it, and what was expected there.
public struct FilterError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The term that failed, as typed.
  public var term: String
  /// The 1-based column of the query where the problem starts.
  public var column: Int
  /// What was expected, or why the term is refused.
  public var message: String

  /// Creates an error.
  public init(term: String, column: Int, message: String) {
    self.term = term
    self.column = column
    self.message = message
  }

  /// `dur>5x: at 5: expected a duration such as 30s, 5m, 2h`.
  public var description: String { "\(term): at \(column): \(message)" }
}
