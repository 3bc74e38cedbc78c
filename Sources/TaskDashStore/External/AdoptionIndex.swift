/// An index `taskdash migrate adopt` adds to an external schema: the ordered ranges the
/// dashboard's reads scan, on the table's columns as the reader's views show them.
///
/// Each is named `taskdash_adopt_…` so that `--undo` (or an operator by hand) can tell it from
/// the agent system's own, and each is keyed by the same expressions the views use, so that a
/// read through a view matches the index even where a column is converted (a naive time, a
/// UUID of 32 hex digits on SQLite).
public struct AdoptionIndex: Hashable, Sendable {
  /// One key of the index: a contract column, ascending or descending.
  public struct Key: Hashable, Sendable {
    /// The contract column's name.
    public let column: String
    /// Whether the key is descending (newest first).
    public let descending: Bool
  }

  /// The index's name, `taskdash_adopt_<table>_<keys>`.
  public let name: String
  /// The table it indexes.
  public let table: String
  /// Its keys in order.
  public let keys: [Key]
  /// Whether it is built only where the view converts its keys: a look-up by id, which the
  /// table's primary key serves when the id is shown as stored.
  public let onlyConverted: Bool

  init(_ table: String, _ suffix: String, _ keys: [String], onlyConverted: Bool = false) {
    name = "taskdash_adopt_\(table)_\(suffix)"
    self.table = table
    self.onlyConverted = onlyConverted
    self.keys = keys.map { key in
      key.hasSuffix(" desc")
        ? Key(column: String(key.dropLast(5)), descending: true) : Key(column: key, descending: false)
    }
  }

  /// The table that records an adoption: one row per index adopt built.
  public static let recordTable = "taskdash_adoption"

  /// Every index adopt adds, by table: the newest-first pages of runs and artifacts (all, of a
  /// task, of a run), a task's runs of one status, failures by update time, each series' points
  /// by time (of a run, of a task) and a run's newest sign of life for the silence rule; and
  /// look-ups by id where the view converts the id (SQLite's 32 hex digits).
  public static let all: [AdoptionIndex] = [
    AdoptionIndex("tasks", "name", ["name", "id"]),
    AdoptionIndex("tasks", "id", ["id"], onlyConverted: true),
    AdoptionIndex("task_runs", "id", ["id"], onlyConverted: true),
    AdoptionIndex("artifacts", "id", ["id"], onlyConverted: true),
    AdoptionIndex("task_runs", "created", ["created_at desc", "id desc"]),
    AdoptionIndex("task_runs", "task_created", ["task_id", "created_at desc", "id desc"]),
    AdoptionIndex("task_runs", "task_status_created", ["task_id", "status", "created_at desc", "id desc"]),
    AdoptionIndex("task_runs", "updated", ["updated_at desc", "id desc"]),
    AdoptionIndex("task_runs", "task_updated", ["task_id", "updated_at desc", "id desc"]),
    AdoptionIndex("metric_snapshots", "run_name_time", ["task_run_id", "name", "timestamp desc", "id desc"]),
    AdoptionIndex("metric_snapshots", "task_name_time", ["task_id", "name", "timestamp desc", "id desc"]),
    AdoptionIndex("metric_snapshots", "run_time", ["task_run_id", "timestamp desc"]),
    AdoptionIndex("artifacts", "created", ["created_at desc", "id desc"]),
    AdoptionIndex("artifacts", "task_created", ["task_id", "created_at desc", "id desc"]),
    AdoptionIndex("artifacts", "run_created", ["task_run_id", "created_at desc", "id desc"]),
  ]

  /// The index's key list, `(expression) DESC, …`, each key written by `expression` from what
  /// the schema has for it; nil when the table lacks a key's column, or when the index is only
  /// for converted keys and none is (the primary key serves it). A key `expression` cannot
  /// index (nil: SQLite's rowid, which ends every index of its table anyway) is left out.
  public func keyList(_ schema: ExternalSchema, expression: (ExternalSchema.Match) -> String?) -> String? {
    guard let table = ExternalContract.tables.first(where: { $0.name == self.table }) else { return nil }
    let matches = schema.matches(table)
    var parts: [String] = []
    var converted = false
    for key in keys {
      guard let match = matches.first(where: { $0.column.name == key.column }), match.found != nil else { return nil }
      guard let indexed = expression(match) else { continue }
      converted = converted || indexed != ExternalSchema.quoted(key.column)
      parts.append("(\(indexed))" + (key.descending ? " DESC" : ""))
    }
    if onlyConverted && !converted { return nil }
    return parts.joined(separator: ", ")
  }
}
