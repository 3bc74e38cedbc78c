import TaskDashModel
import TaskDashStore

/// The `/` filter as WHERE conditions: every value a bound parameter, LIKE patterns escaped.
///
/// The conditions only narrow the ordered index scans the reads already make (runs newest
/// first, tasks in their order): an equality on status may pick a status index, everything else
/// is a filter on the rows the scan walks until its LIMIT.
enum FilterSQL {
  /// Conditions on the run aliased `r`, whose silence inputs are the LATERAL aliased `a`:
  /// `indexed` for the WHERE clause (a status or a creation time an index can range over), and
  /// `others`, all to hold too.
  static func runConditions(
    _ query: FilterQuery, _ parameters: inout [String?]
  ) -> (indexed: [String], others: [String]) {
    var indexed: [String] = []
    var others: [String] = []
    for term in query.terms {
      switch (term.condition, term.negated) {
      case (.status, false), (.since, false):
        indexed.append(negating(term, runCondition(term.condition, &parameters)))
      case (.text(let word), false) where RunStatus(rawValue: word.lowercased()) != nil:
        indexed.append(negating(term, runCondition(term.condition, &parameters)))
      case (.silent, false):
        indexed.append("r.status = 'running'")
        others.append(negating(term, runCondition(term.condition, &parameters)))
      default:
        others.append(negating(term, runCondition(term.condition, &parameters)))
      }
    }
    return (indexed, others)
  }

  /// A LATERAL subquery yielding `keep`: whether the row passes `conditions`.
  ///
  /// OFFSET 0 keeps it from being folded into the outer query, so the planner cannot estimate
  /// how few rows pass: with that estimate (an error text, a duration it has statistics for)
  /// it would rather read the whole table and sort it than walk the newest-first index until
  /// the LIMIT is full; the walk is what keeps the read bounded by the LIMIT when rows match.
  static func keep(_ conditions: [String]) -> String {
    "SELECT " + conditions.joined(separator: "\n   AND ") + " AS keep OFFSET 0"
  }

  /// Conditions on the task aliased `t`; run-only terms were refused by the parser. A run
  /// looked for in EXISTS has OFFSET 0, which keeps it a per-task probe of the (task_id, …)
  /// indexes rather than a join the planner would sort with the tasks.
  static func taskConditions(_ query: FilterQuery, _ parameters: inout [String?]) -> [String] {
    query.terms.map { term in
      negating(term, taskCondition(term.condition, &parameters))
    }
  }

  private static func runCondition(_ condition: FilterQuery.Condition, _ parameters: inout [String?]) -> String {
    switch condition {
    case .text(let word):
      if let status = RunStatus(rawValue: word.lowercased()) {
        return "r.status = \(bind(status.rawValue, &parameters))"
      }
      let pattern = bind(contains(word), &parameters)
      return """
        (r.status ILIKE \(pattern) OR ('#' || r.run_number) ILIKE \(pattern) OR r.error_message ILIKE \(pattern)
               OR (SELECT t.name FROM tasks t WHERE t.id = r.task_id) ILIKE \(pattern))
        """
    case .status(let status):
      return "r.status = \(bind(status, &parameters))"
    case .task(let text):
      return "(SELECT t.name FROM tasks t WHERE t.id = r.task_id) ILIKE \(bind(contains(text), &parameters))"
    case .error(let text):
      return "r.error_message ILIKE \(bind(contains(text), &parameters))"
    case .duration(let comparison, let seconds):
      return "r.duration \(comparison.rawValue) \(bind(String(seconds), &parameters))::double precision"
    case .since(let seconds):
      return "r.created_at >= now() - make_interval(secs => \(bind(String(seconds), &parameters))::double precision)"
    case .silent:
      return "r.status = 'running' AND " + silentNow(&parameters)
    }
  }

  private static func taskCondition(_ condition: FilterQuery.Condition, _ parameters: inout [String?]) -> String {
    switch condition {
    case .text(let text), .task(let text):
      return "t.name ILIKE \(bind(contains(text), &parameters))"
    case .status(let status):
      return "t.status = \(bind(status, &parameters))"
    case .since(let seconds):
      return """
        EXISTS (SELECT 1 FROM task_runs r WHERE r.task_id = t.id
                   AND r.created_at >= now() - make_interval(secs => \(bind(String(seconds), &parameters))::double precision)
                 OFFSET 0)
        """
    case .silent:
      let window = bind(String(RunActivity.medianWindow), &parameters)
      return """
        EXISTS (SELECT 1 FROM task_runs r CROSS JOIN LATERAL (\(SilenceSQL.activity(of: "r", window: window))) a
                 WHERE r.task_id = t.id AND r.status = 'running' AND \(silentNow(&parameters)) OFFSET 0)
        """
    case .error, .duration:
      // The parser refuses these for tasks; should one arrive, it matches no task.
      return "false"
    }
  }

  /// The silence test of the run aliased `r` with its activity `a`, by the database's clock.
  private static func silentNow(_ parameters: inout [String?]) -> String {
    let minimum = bind(String(RunActivity.minimumQuiet), &parameters)
    let factor = bind(String(RunActivity.quietFactor), &parameters)
    return SilenceSQL.isSilentNow("r", activity: "a", minimum: minimum, factor: factor)
  }

  /// A negated term holds where its condition is false or unknown (no duration, no error).
  private static func negating(_ term: FilterQuery.Term, _ condition: String) -> String {
    term.negated ? "NOT coalesce((\(condition)), false)" : "(\(condition))"
  }

  /// A LIKE pattern matching `text` anywhere, `text` taken literally.
  private static func contains(_ text: String) -> String {
    "%" + ReadStatements.likeEscaped(text) + "%"
  }

  private static func bind(_ value: String, _ parameters: inout [String?]) -> String {
    parameters.append(value)
    return "$\(parameters.count)"
  }
}
