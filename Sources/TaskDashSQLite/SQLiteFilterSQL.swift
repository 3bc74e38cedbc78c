import TaskDashModel
import TaskDashStore

/// The `/` filter as WHERE conditions with named parameters (`:filter1`, …): the statement's
/// text follows the query's shape, its values are all bound.
///
/// The conditions narrow the ordered index scans the reads already make; the runs statement
/// joins its task as `t`, so a task name is a column there.
struct SQLiteFilterSQL {
  /// The conditions, to be ANDed.
  private(set) var conditions: [String] = []
  /// The values of their parameters.
  private(set) var values: [String: SQLiteValue] = [:]
  private var bound = 0

  /// Conditions on the run aliased `r` (its task joined as `t`).
  init(runs query: FilterQuery) {
    for term in query.terms {
      add(term, runCondition(term.condition))
    }
  }

  /// Conditions on the task aliased `t`; run-only terms were refused by the parser.
  init(tasks query: FilterQuery) {
    for term in query.terms {
      add(term, taskCondition(term.condition))
    }
  }

  private mutating func runCondition(_ condition: FilterQuery.Condition) -> String {
    switch condition {
    case .text(let word):
      if let status = RunStatus(rawValue: word.lowercased()) { return "r.status = \(bind(.text(status.rawValue)))" }
      let pattern = bind(.text(Self.contains(word)))
      return """
        (r.status LIKE \(pattern) ESCAPE '\\' OR ('#' || r.run_number) LIKE \(pattern) ESCAPE '\\'
          OR r.error_message LIKE \(pattern) ESCAPE '\\' OR t.name LIKE \(pattern) ESCAPE '\\')
        """
    case .status(let status):
      return "r.status = \(bind(.text(status)))"
    case .task(let text):
      return "t.name LIKE \(bind(.text(Self.contains(text)))) ESCAPE '\\'"
    case .error(let text):
      return "r.error_message LIKE \(bind(.text(Self.contains(text)))) ESCAPE '\\'"
    case .duration(let comparison, let seconds):
      return "r.duration \(comparison.rawValue) \(bind(.real(seconds)))"
    case .since(let seconds):
      return "r.created_at >= \(cutoff(seconds))"
    case .silent:
      useSilence()
      return "r.status = 'running' AND \(SQLiteSilenceSQL.isSilentNow("r"))"
    }
  }

  private mutating func taskCondition(_ condition: FilterQuery.Condition) -> String {
    switch condition {
    case .text(let text), .task(let text):
      return "t.name LIKE \(bind(.text(Self.contains(text)))) ESCAPE '\\'"
    case .status(let status):
      return "t.status = \(bind(.text(status)))"
    case .since(let seconds):
      return "EXISTS (SELECT 1 FROM task_runs r WHERE r.task_id = t.id AND r.created_at >= \(cutoff(seconds)))"
    case .silent:
      useSilence()
      return """
        EXISTS (SELECT 1 FROM task_runs r WHERE r.task_id = t.id AND r.status = 'running'
          AND \(SQLiteSilenceSQL.isSilentNow("r")))
        """
    case .error, .duration:
      // The parser refuses these for tasks; should one arrive, it matches no task.
      return "0"
    }
  }

  /// The time `seconds` before the database's clock, in the schema's sortable text form, so
  /// the comparison is a range on the created_at index.
  private mutating func cutoff(_ seconds: Double) -> String {
    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', \(bind(.text("-\(seconds) seconds"))))"
  }

  /// The silence rule's parameters, which its fragments name.
  private mutating func useSilence() {
    values.merge(SQLiteSilenceSQL.parameters) { current, _ in current }
  }

  /// A negated term holds where its condition is false or unknown (no duration, no error).
  private mutating func add(_ term: FilterQuery.Term, _ condition: String) {
    conditions.append(term.negated ? "NOT coalesce((\(condition)), 0)" : "(\(condition))")
  }

  private mutating func bind(_ value: SQLiteValue) -> String {
    bound += 1
    let name = ":filter\(bound)"
    values[name] = value
    return name
  }

  /// A LIKE operand matching `text` anywhere, `text` taken literally.
  private static func contains(_ text: String) -> String {
    "%" + SQLiteReader.escapeLike(text) + "%"
  }
}
