import TaskDashStore

/// `migrate adopt` on a SQLite file: its indexes are keyed by the reader's views' own
/// expressions (ids given their dashes, times made UTC milliseconds), which is what lets a read
/// through a view use them. A build holds the file's write lock while it runs; the agent's
/// writers wait for it (their busy timeout) rather than fail.
final class SQLiteAdopter: SchemaAdopting {
  private let connection: SQLiteConnection

  init(connection: SQLiteConnection) {
    self.connection = connection
  }

  /// Adopt's indexes present and the record table (a SQLite index is never left invalid).
  private static let found =
    "SELECT name, type FROM main.sqlite_schema WHERE (type = 'index' AND name LIKE 'taskdash\\_adopt\\_%' ESCAPE '\\') "
    + "OR (type = 'table' AND name = '\(AdoptionIndex.recordTable)')"

  private static let plan = AdoptionPlan(
    AdoptionPlan.Dialect(
      prefix: "main.",
      // SQLite names the schema on the index, and the table beside it must be unqualified.
      createIndex: { "CREATE INDEX IF NOT EXISTS main.\($0) ON \($1) (\($2))" },
      dropIndex: { "DROP INDEX IF EXISTS main.\($0)" },
      recordTable:
        "(index_name TEXT PRIMARY KEY, adopted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
      // An index cannot name the rowid, which every index of the table ends with anyway.
      expression: { match in
        let expression = SQLiteExternalViews.expression(match)
        return expression == SQLiteExternalViews.rowid ? nil : expression
      },
      record: { "INSERT OR IGNORE INTO main.\(AdoptionIndex.recordTable) (index_name) VALUES ('\($0)')" }))

  func adoptStatements() async throws -> [String] {
    try await connection.perform { database in
      guard let schema = try SQLiteExternalViews.inspect(database).schema else {
        throw StoreError.schema("the database holds no external schema to adopt")
      }
      return Self.plan.adopt(schema, found: try Self.found(database))
    }
  }

  func undoStatements() async throws -> [String] {
    try await connection.perform { Self.plan.undo(found: try Self.found($0)) }
  }

  func execute(_ statement: String) async throws {
    try await connection.perform { try $0.execute(statement) }
  }

  func close() async {
    await connection.close()
  }

  private static func found(_ database: SQLiteDatabase) throws -> AdoptionPlan.Found {
    try database.prepared(found) { statement in
      var found = AdoptionPlan.Found(indexes: [:], recorded: false)
      while try statement.step() {
        if statement.text(1) == "table" {
          found.recorded = true
        } else {
          found.indexes[statement.text(0) ?? "", default: true] = true
        }
      }
      return found
    }
  }
}
