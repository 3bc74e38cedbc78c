import TaskDashStore

/// `migrate adopt` on PostgreSQL: indexes built with `CREATE INDEX CONCURRENTLY`, so the agent
/// system keeps writing while they are built, over one connection that never times a
/// statement out (a build on a big table takes as long as it takes).
final class PostgresAdopter: SchemaAdopting {
  private let pool: ConnectionPool

  init(conninfo: String, settings: ConnectionSettings = .migrator) {
    pool = ConnectionPool(conninfo: conninfo, settings: settings, capacity: 1)
  }

  /// Opens the connection now, so a bad target fails at once.
  func connect() async throws {
    try await pool.connectNow()
  }

  /// Adopt's indexes present in the current schema with their validity, and the record table.
  private static let found = """
    SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relname LIKE 'taskdash\\_adopt\\_%'
    UNION ALL
    SELECT c.relname, NULL FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = '\(AdoptionIndex.recordTable)'
    """

  func adoptStatements() async throws -> [String] {
    try await pool.withConnection(retry: true) { connection in
      guard let schema = try await ExternalViews.inspect(connection).schema else {
        throw StoreError.schema("the database holds no external schema to adopt")
      }
      return try await Self.plan(connection).adopt(schema, found: try await Self.found(connection))
    }
  }

  func undoStatements() async throws -> [String] {
    try await pool.withConnection(retry: true) { connection in
      try await Self.plan(connection).undo(found: try await Self.found(connection))
    }
  }

  func execute(_ statement: String) async throws {
    try await pool.withConnection(retry: false) { connection in
      try await connection.refuseStandby()
      try await connection.execute(statement)
    }
  }

  func close() async {
    await pool.close()
  }

  private static func found(_ connection: PostgresConnection) async throws -> AdoptionPlan.Found {
    var found = AdoptionPlan.Found(indexes: [:], recorded: false)
    for row in try await connection.query(Self.found) {
      let name = try row.string(0)
      if name == AdoptionIndex.recordTable {
        found.recorded = true
      } else {
        found.indexes[name] = try row.bool(1)
      }
    }
    return found
  }

  private static func plan(_ connection: PostgresConnection) async throws -> AdoptionPlan {
    let prefix = try await ExternalViews.namespace(connection) + "."
    let table = prefix + ExternalSchema.quoted(AdoptionIndex.recordTable)
    return AdoptionPlan(
      AdoptionPlan.Dialect(
        prefix: prefix,
        createIndex: { "CREATE INDEX CONCURRENTLY IF NOT EXISTS \($0) ON \(prefix)\($1) (\($2))" },
        dropIndex: { "DROP INDEX CONCURRENTLY IF EXISTS \(prefix)\($0)" },
        recordTable: "(index_name text PRIMARY KEY, adopted_at timestamptz NOT NULL DEFAULT now())",
        expression: ExternalViews.expression,
        record: { "INSERT INTO \(table) (index_name) VALUES ('\($0)') ON CONFLICT DO NOTHING" }))
  }
}
