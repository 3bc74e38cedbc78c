/// What a backend does for `taskdash migrate adopt`: plans adopt's statements (or its undo's)
/// from what the database holds, and runs them one by one.
public protocol SchemaAdopting: Sendable {
  /// What adopt still has to add, in order; empty when everything is there. Throws
  /// `StoreError.schema` when the database holds no external schema.
  func adoptStatements() async throws -> [String]
  /// What `--undo` removes, in order; empty when adopt left nothing.
  func undoStatements() async throws -> [String]
  /// Runs one statement on its own (a concurrent index build cannot run in a transaction).
  func execute(_ statement: String) async throws
  /// Closes the connection.
  func close() async
}
