import TaskDashModel
import TaskDashStore

/// Reads a schema someone else made (the agent system's ORM) through temporary views of the
/// contract's names, so that every read statement runs unchanged.
///
/// SQLite looks a name up in the temporary schema before the main one, so `tasks` in a read
/// means the view, which reads `main.tasks`. The views live in the connection's own temporary
/// schema, never in the file, which the reader cannot write anyway.
enum SQLiteExternalViews {
  /// The contract's tables, the history and the adoption record, among the main schema's.
  static let presentTables =
    "SELECT name FROM main.sqlite_schema WHERE type IN ('table', 'view') AND name IN ("
    + (ExternalContract.tables.map(\.name) + [ForeignTables.history, AdoptionIndex.recordTable]).map { "'\($0)'" }
    .joined(separator: ", ") + ")"

  /// Whether the history holds any migration.
  static let historyIsEmpty = "SELECT NOT EXISTS (SELECT 1 FROM main.schema_migrations)"

  /// Every column of the contract's tables, with its declared type.
  static let columns =
    "SELECT m.name, p.name, p.type FROM main.sqlite_schema m, pragma_table_info(m.name, 'main') p "
    + "WHERE m.type IN ('table', 'view') AND m.name IN ("
    + ExternalContract.tables.map { "'\($0.name)'" }.joined(separator: ", ") + ") ORDER BY m.name, p.cid"

  /// Which schema the file holds, with what an external one's tables have.
  static func inspect(_ database: SQLiteDatabase) throws -> (origin: SchemaOrigin, schema: ExternalSchema?) {
    let present = Set(try strings(presentTables, database))
    if present.contains(ForeignTables.history),
      try database.prepared(historyIsEmpty, { try $0.step() && $0.int(0) == 0 })
    {
      return (.taskdash, nil)
    }
    guard ExternalContract.tables.allSatisfy({ present.contains($0.name) }) else { return (.taskdash, nil) }
    let found = try database.prepared(columns) { statement in
      var found: [ExternalSchema.Found] = []
      while try statement.step() {
        found.append(
          ExternalSchema.Found(
            table: statement.text(0) ?? "", column: statement.text(1) ?? "", type: statement.text(2) ?? ""))
      }
      return found
    }
    return (present.contains(AdoptionIndex.recordTable) ? .adopted : .external, ExternalSchema(found))
  }

  /// The form of the first task's id, or nil when there is no task.
  static let firstTaskID = "SELECT id FROM main.tasks LIMIT 1"

  /// Which schema the file holds and how it writes its ids; on an external one, makes the
  /// connection's views first. Throws `StoreError.schema` when a table lacks a column the
  /// dashboard needs.
  static func install(on database: SQLiteDatabase) throws -> (origin: SchemaOrigin, ids: SQLiteUUIDForm) {
    let (origin, schema) = try inspect(database)
    guard let schema else { return (origin, .dashed) }
    try schema.checkRequired()
    let views = schema.viewDefinitions(
      source: { "main.\(ExternalSchema.quoted($0))" }, expression: expression,
      errorPattern: { "\(SQLiteErrorPatternFunction.name)(\($0))" }, kept: [rowid])
    // query_only forbids even the temporary schema; it is lifted for the views alone.
    try database.execute("PRAGMA query_only = 0")
    let created = Result { for view in views { try database.execute(view) } }
    try database.execute("PRAGMA query_only = 1")
    try created.get()
    return (origin, try idForm(schema, database))
  }

  /// How the agent writes its ids: as the first task's id is written, or, with no task yet, as
  /// the id's declared type says (SQLAlchemy's `Uuid` is a CHAR(32)).
  static func idForm(_ schema: ExternalSchema, _ database: SQLiteDatabase) throws -> SQLiteUUIDForm {
    let first = try strings(firstTaskID, database).first
    let declared = schema.matches(ExternalContract.tables[0]).first { $0.column.name == "id" }?.found?.type
    let isHex = first.map { $0.utf8.count == 32 } ?? (declared == "char(32)")
    return isHex ? .hex : .dashed
  }

  /// What stands in for a snapshot id that is not an integer.
  static let rowid = "rowid"

  /// The column in taskdash's form, or what stands in for a missing one.
  ///
  /// Values are converted whatever the declared type says, since SQLite keeps what a writer
  /// gave: times of any form SQLite reads become UTC milliseconds, statuses and types
  /// lowercase. Ids are shown as stored, so that the agent's own indexes serve look-ups and
  /// joins by id: the reader writes its parameters in their form (`SQLiteUUIDForm`).
  static func expression(_ match: ExternalSchema.Match) -> String {
    guard let found = match.found else {
      guard case .literal(let value) = match.column.fallback else { return "NULL" }
      return [.integer, .bigInteger, .real].contains(match.column.role) ? value : "'\(value)'"
    }
    let column = ExternalSchema.quoted(found.column)
    switch match.column.role {
    case .label: return "lower(\(column))"
    case .time: return "strftime('%Y-%m-%dT%H:%M:%fZ', \(column))"
    case .snapshotID:
      // A UUID id leaves the table's rowid to order snapshots of the same time.
      return found.type.contains("int") ? column : rowid
    case .uuid, .text, .json, .integer, .bigInteger, .real: return column
    }
  }

  static func strings(_ sql: String, _ database: SQLiteDatabase) throws -> [String] {
    try database.prepared(sql) { statement in
      var values: [String] = []
      while try statement.step() { values.append(statement.text(0) ?? "") }
      return values
    }
  }
}
