/// What a backend does for the migration engine. The engine plans; the driver runs one step.
public protocol MigrationDriver: Sendable {
  /// The history rows, oldest first; empty when `schema_migrations` does not exist yet.
  func appliedMigrations() async throws -> [AppliedMigration]
  /// The names of the tables in the schema the migrations write to (PostgreSQL's current
  /// schema, SQLite's main database).
  func tableNames() async throws -> [String]
  /// Runs one migration and its history change in one transaction, under the migration lock.
  ///
  /// Inside that transaction, after taking the lock, the driver checks the history again: an
  /// `up` of an applied version or a `down` of an unapplied one does nothing and returns
  /// false, so two runners started at once apply each version once.
  func run(_ migration: Migration, _ direction: MigrationDirection) async throws -> Bool
  /// Closes the connection.
  func close() async
}
