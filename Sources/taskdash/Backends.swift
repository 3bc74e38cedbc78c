import TaskDashPostgres
import TaskDashSQLite
import TaskDashStore

/// Opens the store a target names; the only place that knows both backends.
enum Backends {
  /// A read-only store for the dashboard and `snapshot`.
  static func reader(_ target: DatabaseTarget) async throws -> any DashboardReading {
    switch target {
    case .postgres(let conninfo): try await PostgresBackend.reader(conninfo: conninfo)
    case .sqlite(let path): try await SQLiteBackend.reader(path: path)
    }
  }

  /// The dashboard's reader: a server that cannot be reached now is retried by the pollers
  /// (the dashboard opens on its disconnected screen); a bad target or login fails at once.
  static func resilientReader(_ target: DatabaseTarget) async throws -> any DashboardReading {
    do {
      return ReconnectingReader(initial: try await reader(target)) { try await reader(target) }
    } catch let error as StoreError where error.isRetryable {
      return ReconnectingReader { try await reader(target) }
    }
  }

  /// A writing store for `seed` and `simulate`.
  static func writer(_ target: DatabaseTarget) async throws -> any DashboardWriting {
    switch target {
    case .postgres(let conninfo): try await PostgresBackend.writer(conninfo: conninfo)
    case .sqlite(let path): try await SQLiteBackend.writer(path: path)
    }
  }

  /// Runs `body` with a migrator for the target, closing its connection afterwards.
  static func withMigrator<T>(_ target: DatabaseTarget, _ body: (Migrator) async throws -> T) async throws -> T {
    let migrator = try await migrator(target)
    do {
      let result = try await body(migrator)
      await migrator.driver.close()
      return result
    } catch {
      await migrator.driver.close()
      throw error
    }
  }

  /// The migration driver and the catalog of the target's dialect.
  private static func migrator(_ target: DatabaseTarget) async throws -> Migrator {
    switch target {
    case .postgres(let conninfo):
      Migrator(
        catalog: try .embedded(.postgres), driver: try await PostgresBackend.migrationDriver(conninfo: conninfo))
    case .sqlite(let path):
      Migrator(catalog: try .embedded(.sqlite), driver: try await SQLiteBackend.migrationDriver(path: path))
    }
  }
}
