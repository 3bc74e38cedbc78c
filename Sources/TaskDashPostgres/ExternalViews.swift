import Foundation
import TaskDashModel
import TaskDashStore

/// Reads a schema someone else made (the agent system's ORM, `create_all` or Alembic) through
/// temporary views of the contract's names, so that every read statement runs unchanged.
///
/// Temporary relations come first in a session's search path, so `tasks` in a read means the
/// view, which reads the real table by its schema-qualified name. The views live as long as the
/// session and are made again by every new one; they change nothing in the database. Columns
/// already in taskdash's form are passed through bare, so the table's own indexes (and those of
/// `migrate adopt`) still serve the reads' ranges on ids and times.
enum ExternalViews {
  /// The contract's tables, the history and the adoption record, among the current schema's.
  static let presentTables = PostgresStatement(
    """
    SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v')
       AND c.relname = ANY ($1::text[])
    """,
    [
      "{"
        + (ExternalContract.tables.map(\.name) + [ForeignTables.history, AdoptionIndex.recordTable]).joined(
          separator: ",") + "}"
    ])

  /// Whether the history holds any migration.
  static let historyIsEmpty = "SELECT NOT EXISTS (SELECT 1 FROM schema_migrations)"

  /// Every column of the contract's tables in the current schema, with its declared type.
  static let columns = PostgresStatement(
    """
    SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
           (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = a.atttypid)
      FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v')
       AND c.relname = ANY ($1::text[])
     ORDER BY c.relname, a.attnum
    """,
    ["{" + ExternalContract.tables.map(\.name).joined(separator: ",") + "}"])

  /// Which schema the session's database holds, with what an external one's tables have.
  static func inspect(_ connection: PostgresConnection) async throws -> (origin: SchemaOrigin, schema: ExternalSchema?)
  {
    let statement = presentTables
    let present = Set(try await connection.query(statement.sql, statement.parameters).map { try $0.string(0) })
    if present.contains(ForeignTables.history),
      try await connection.query(historyIsEmpty).first?.bool(0) == false
    {
      return (.taskdash, nil)
    }
    guard ExternalContract.tables.allSatisfy({ present.contains($0.name) }) else { return (.taskdash, nil) }
    let found = try await connection.query(columns.sql, columns.parameters).map { row in
      ExternalSchema.Found(
        table: try row.string(0), column: try row.string(1), type: try row.string(2),
        enumLabels: try row.optionalString(3).map(Self.labels))
    }
    return (present.contains(AdoptionIndex.recordTable) ? .adopted : .external, ExternalSchema(found))
  }

  /// The current schema's name as an identifier, to qualify the real tables.
  static func namespace(_ connection: PostgresConnection) async throws -> String {
    guard let namespace = try await connection.query("SELECT quote_ident(current_schema())").first?.string(0) else {
      throw StoreError.query(sqlState: nil, message: "the session has no current schema")
    }
    return namespace
  }

  /// Which schema the session's database holds; on an external one, makes the session's views
  /// first. Throws `StoreError.schema` when a table lacks a column the dashboard needs.
  static func install(on connection: PostgresConnection) async throws -> SchemaOrigin {
    let (origin, schema) = try await inspect(connection)
    guard let schema else { return origin }
    try schema.checkRequired()
    // A hot standby refuses every CREATE, temporary views included.
    if try await connection.query("SELECT pg_is_in_recovery()").first?.bool(0) == true {
      throw StoreError.schema(
        "an external schema is read through views the session makes, which a standby cannot; "
          + "point taskdash at the primary")
    }
    let namespace = try await namespace(connection)
    // The session is read-only by default; temporary views are the one thing it writes, in a
    // transaction of their own, and only to its own temporary schema.
    try await connection.execute(
      (["BEGIN READ WRITE", try errorPatternFunction()] + statements(schema, namespace: namespace) + ["COMMIT"])
        .joined(separator: ";\n"))
    return origin
  }

  /// The views' definitions, one statement per table.
  static func statements(_ schema: ExternalSchema, namespace: String) -> [String] {
    schema.viewDefinitions(
      source: { "\(namespace).\(ExternalSchema.quoted($0))" }, expression: expression,
      errorPattern: { "pg_temp.taskdash_error_pattern(\($0))" })
  }

  /// The column in taskdash's form, or what stands in for a missing one.
  static func expression(_ match: ExternalSchema.Match) -> String {
    let role = match.column.role
    guard let found = match.found else {
      if case .literal(let value) = match.column.fallback { return "'\(value)'::\(canonicalType(role))" }
      return "NULL::\(canonicalType(role))"
    }
    let column = ExternalSchema.quoted(found.column)
    if found.type == canonicalType(role) && found.enumLabels == nil && role != .label { return column }
    switch role {
    case .uuid: return "\(column)::text::uuid"
    case .text: return "\(column)::text"
    case .label:
      guard let labels = found.enumLabels, !labels.isEmpty else { return "lower(\(column)::text)" }
      // An enum's text is not immutable (a label can be renamed), so lower(status::text) could
      // not be indexed; a CASE over the labels the session found compares enum values, which
      // is, and migrate adopt indexes it.
      let cases = labels.map { "WHEN \(literal($0)) THEN \(literal($0.lowercased()))" }
      return "CASE \(column) \(cases.joined(separator: " ")) END"
    case .json: return found.type == "json" ? "\(column)::jsonb" : "\(column)::text::jsonb"
    case .time:
      // A naive timestamp is UTC, as the ORM writes it.
      return found.type == "timestamp without time zone"
        ? "(\(column) AT TIME ZONE 'UTC')" : "\(column)::text::timestamptz"
    case .integer: return "\(column)::integer"
    case .bigInteger: return "\(column)::bigint"
    case .real: return "\(column)::double precision"
    case .snapshotID:
      // Only the order among snapshots of the same time is used: the UUID's first 64 bits.
      return ["smallint", "integer", "bigint", "numeric"].contains(found.type)
        ? "\(column)::bigint" : "('x' || left(replace(\(column)::text, '-', ''), 16))::bit(64)::bigint"
    }
  }

  /// An SQL string literal.
  private static func literal(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// An enum's labels from the JSON array the catalog query aggregates.
  private static func labels(_ json: String) throws -> [String] {
    guard let labels = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else {
      throw StoreError.query(sqlState: nil, message: "an enum's labels did not read as a list")
    }
    return labels
  }

  /// The type a column of `role` has in taskdash's schema, as `format_type` spells it.
  static func canonicalType(_ role: ExternalContract.Role) -> String {
    switch role {
    case .uuid: "uuid"
    case .text, .label: "text"
    case .json: "jsonb"
    case .time: "timestamp with time zone"
    case .integer: "integer"
    case .bigInteger, .snapshotID: "bigint"
    case .real: "double precision"
    }
  }

  /// `taskdash_error_pattern` of migration 0006, created in the session's temporary schema: the
  /// one definition of the fold, not a copy of it.
  static func errorPatternFunction() throws -> String {
    let head = "CREATE FUNCTION taskdash_error_pattern"
    let sql = try MigrationCatalog.embedded(.postgres).migrations.lazy.map(\.upSQL).first { $0.contains(head) }
    // The body is the text between the first `$$` after the head and the `$$;` that closes it.
    guard let sql, let start = sql.range(of: head),
      let open = sql.range(of: "$$", range: start.upperBound..<sql.endIndex),
      let close = sql.range(of: "$$;", range: open.upperBound..<sql.endIndex)
    else {
      throw StoreError.query(sqlState: nil, message: "the embedded migrations lack taskdash_error_pattern")
    }
    return "CREATE FUNCTION pg_temp.taskdash_error_pattern" + sql[start.upperBound..<close.lowerBound] + "$$"
  }
}
