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
    SQLiteReader(connection: try await SQLiteConnection.open(path: path, mode: .readOnly))
  }

  /// A writer for seeding and simulating; creates the file and its parent directories and
  /// puts the database in WAL mode.
  public static func writer(path: String) async throws -> any DashboardWriting {
    SQLiteWriter(connection: try await SQLiteConnection.open(path: path, mode: .readWrite))
  }

  /// A migration driver; creates the file and its parent directories like `writer`.
  public static func migrationDriver(path: String) async throws -> any MigrationDriver {
    SQLiteMigrationDriver(connection: try await SQLiteConnection.open(path: path, mode: .readWrite))
  }
}
