import TaskDashStore

/// Opens the SQLite implementations of the store protocols on a database file.
///
/// Each value owns one connection with its own serial queue; close it when done.
public enum SQLiteBackend {
  /// A read-only session for the dashboard.
  ///
  /// Throws `StoreError.schema` naming the path when the file does not exist: a reader never
  /// creates an empty database.
  public static func reader(path: String) async throws -> any DashboardReading {
    try await openReader(path: path)
  }

  /// The reader `taskdash export` steps through: the dashboard's read-only connection, one
  /// statement stepped row by row.
  public static func exporter(path: String) async throws -> any ExportReading {
    try await openReader(path: path)
  }

  private static func openReader(path: String) async throws -> SQLiteReader {
    let connection = try await SQLiteConnection.open(path: path, mode: .readOnly)
    do {
      let (origin, ids) = try await connection.perform { try SQLiteExternalViews.install(on: $0) }
      return SQLiteReader(connection: connection, origin: origin, ids: ids)
    } catch {
      await connection.close()
      throw error
    }
  }

  /// A writer for seeding and simulating, on an existing database file in WAL mode.
  ///
  /// Throws `StoreError.schema` naming the path when the file does not exist.
  public static func writer(path: String) async throws -> any DashboardWriting {
    SQLiteWriter(connection: try await SQLiteConnection.open(path: path, mode: .readWrite(creating: false)))
  }

  /// A migration driver; when `creating`, a missing file and its parent directories are
  /// created (for `migrate up`), otherwise a missing file throws like `writer`.
  public static func migrationDriver(path: String, creating: Bool) async throws -> any MigrationDriver {
    SQLiteMigrationDriver(connection: try await SQLiteConnection.open(path: path, mode: .readWrite(creating: creating)))
  }

  /// Retention (`taskdash prune`, `taskdash maintain`) on an existing database file.
  ///
  /// Throws `StoreError.schema` naming the path when the file does not exist.
  public static func maintainer(path: String) async throws -> any MaintenanceWriting {
    SQLiteMaintainer(connection: try await SQLiteConnection.open(path: path, mode: .readWrite(creating: false)))
  }

  /// `taskdash migrate adopt` on an existing file holding an external schema.
  public static func adopter(path: String) async throws -> any SchemaAdopting {
    SQLiteAdopter(connection: try await SQLiteConnection.open(path: path, mode: .readWrite(creating: false)))
  }
}
