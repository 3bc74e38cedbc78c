/// The columns the dashboard reads from each of the four tables, and what each means, so that
/// a backend can show a schema someone else made (the agent system's ORM) in taskdash's own
/// shape.
///
/// A backend reads an external schema through views of the contract's names, one column each
/// here, turned into taskdash's form: lowercase statuses, canonical UUIDs, UTC times, JSON
/// documents. Every read then runs the same SQL on either schema.
public enum ExternalContract {
  /// What a column holds, which decides how it is turned into taskdash's form.
  public enum Role: Hashable, Sendable {
    /// A UUID: the row's id or a reference to another table's.
    case uuid
    /// Free text.
    case text
    /// A status or a type: one of a few words, whatever their case in the database.
    case label
    /// A JSON document.
    case json
    /// A point in time.
    case time
    /// A 32-bit integer.
    case integer
    /// A 64-bit integer.
    case bigInteger
    /// A floating-point number.
    case real
    /// A snapshot's id: an integer, or a UUID reduced to one (only its order within a time is
    /// used, to break ties).
    case snapshotID
  }

  /// What a view shows for a column the table lacks.
  public enum Fallback: Hashable, Sendable {
    /// Nothing: the dashboard cannot show the table without the column.
    case required
    /// NULL.
    case null
    /// A literal of the column's role (`0`, `'{}'`, `'other'`).
    case literal(String)
    /// Another column of the same table.
    case column(String)
  }

  /// One column the dashboard reads.
  public struct Column: Hashable, Sendable {
    /// Its name, the same in both schemas.
    public let name: String
    /// What it holds.
    public let role: Role
    /// What stands in for it when the table lacks it.
    public let fallback: Fallback

    init(_ name: String, _ role: Role, _ fallback: Fallback = .null) {
      self.name = name
      self.role = role
      self.fallback = fallback
    }
  }

  /// One table and its columns, in the order of taskdash's schema.
  public struct Table: Hashable, Sendable {
    /// The table's name, the same in both schemas.
    public let name: String
    /// Its columns.
    public let columns: [Column]
  }

  /// The four tables in the order a reader would create views of them.
  public static let tables: [Table] = [
    Table(
      name: "tasks",
      columns: [
        Column("id", .uuid, .required), Column("name", .text, .required), Column("description", .text),
        Column("config", .json, .literal("{}")), Column("status", .label, .literal("pending")),
        Column("max_rounds", .integer), Column("memory_size", .integer),
        Column("total_runs", .integer, .literal("0")), Column("successful_runs", .integer, .literal("0")),
        Column("failed_runs", .integer, .literal("0")), Column("created_at", .time, .required),
        Column("updated_at", .time, .column("created_at")),
      ]),
    Table(
      name: "task_runs",
      columns: [
        Column("id", .uuid, .required), Column("task_id", .uuid, .required),
        Column("run_number", .integer, .required), Column("status", .label, .required),
        Column("plan", .json), Column("results", .json), Column("started_at", .time),
        Column("completed_at", .time), Column("duration", .real), Column("error_message", .text),
        Column("error_details", .json), Column("created_at", .time, .required),
        Column("updated_at", .time, .column("created_at")),
      ]),
    Table(
      name: "metric_snapshots",
      columns: [
        Column("id", .snapshotID, .required), Column("task_id", .uuid), Column("task_run_id", .uuid),
        Column("name", .text, .required), Column("metric_type", .label, .literal("gauge")),
        Column("value", .real, .required), Column("unit", .text), Column("labels", .json, .literal("{}")),
        Column("timestamp", .time, .required),
      ]),
    Table(
      name: "artifacts",
      columns: [
        Column("id", .uuid, .required), Column("task_id", .uuid), Column("task_run_id", .uuid),
        Column("name", .text, .required), Column("artifact_type", .label, .literal("other")),
        Column("file_path", .text), Column("file_size", .bigInteger), Column("file_hash", .text),
        Column("content_type", .text), Column("content", .text), Column("metadata", .json, .literal("{}")),
        Column("created_at", .time, .required), Column("updated_at", .time, .column("created_at")),
      ]),
  ]
}
