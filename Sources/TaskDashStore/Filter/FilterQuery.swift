import TaskDashModel

/// A parsed `/` filter: terms that must all hold (AND), each possibly negated.
///
/// It travels inside `RunQuery` and `TaskQuery`; each backend turns it into SQL with every value
/// bound, never spliced. `FilterParser` makes one from what the operator typed.
public struct FilterQuery: Hashable, Sendable {
  /// What one term asks of a row.
  public enum Condition: Hashable, Sendable {
    /// A plain word: on runs the task name, `#number`, status or error contain it (a word that
    /// is a run status exactly means that status); on tasks the name contains it.
    case text(String)
    /// `status:failed`: the status is exactly this.
    case status(String)
    /// `task:market`: the task name contains this, ignoring case.
    case task(String)
    /// `err:timeout`: the error message contains this, ignoring case (runs only).
    case error(String)
    /// `dur>5m`: the stored duration compares so with this many seconds (runs only; a run
    /// without a duration never matches).
    case duration(Comparison, seconds: Double)
    /// `since:2h`: created within this many seconds (on tasks: has a run created within them).
    case since(seconds: Double)
    /// `silent`: a running run gone silent (on tasks: has one).
    case silent
  }

  /// How `dur` compares.
  public enum Comparison: String, Hashable, Sendable, CaseIterable {
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
  }

  /// One term: a condition, or (after `-`) its opposite.
  public struct Term: Hashable, Sendable {
    public var condition: Condition
    /// Whether the row must not match; a row for which the condition is unknown (no
    /// duration, no error) does not match it, so it matches the negation.
    public var negated: Bool

    /// Creates a term.
    public init(_ condition: Condition, negated: Bool = false) {
      self.condition = condition
      self.negated = negated
    }
  }

  /// The terms, in the order typed.
  public var terms: [Term]

  /// Creates a query of these terms; none matches every row.
  public init(_ terms: [Term] = []) {
    self.terms = terms
  }

  /// Whether the query matches every row.
  public var isEmpty: Bool { terms.isEmpty }

  /// Whether the rows it matches can change with the clock alone: `since:` slides with it, and
  /// a running run turns silent by it.
  public var dependsOnClock: Bool {
    terms.contains { term in
      switch term.condition {
      case .since, .silent: true
      case .text, .status, .task, .error, .duration: false
      }
    }
  }

  /// The plain words, with their negation, when every term is one: such a query can also be
  /// matched on the client as the operator types. Nil when any term needs the store.
  public var plainWords: [(word: String, negated: Bool)]? {
    var words: [(String, Bool)] = []
    for term in terms {
      guard case .text(let word) = term.condition else { return nil }
      words.append((word, term.negated))
    }
    return words
  }
}
