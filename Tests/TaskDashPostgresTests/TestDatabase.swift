import Foundation
import TaskDashStore
import Testing

@testable import TaskDashPostgres

/// A fresh database on the test server, created for one test and dropped after it, so tests
/// can run in parallel.
///
/// The server comes from TASKDASH_TEST_DATABASE_URL; without it every PostgreSQL test fails,
/// unless TASKDASH_SKIP_POSTGRES=1 turns them off on purpose.
struct TestDatabase: Sendable {
  /// Whether the PostgreSQL suites run (a trait condition).
  static var isEnabled: Bool {
    ProcessInfo.processInfo.environment["TASKDASH_SKIP_POSTGRES"] != "1"
  }

  let name: String
  /// A connection string for this database.
  let conninfo: String

  /// Runs `body` with a new empty database and drops it afterwards, whatever `body` did; on the
  /// test server, or on `server` when given (the standby tests' primary).
  static func with<T: Sendable>(
    on server: String? = nil, _ body: @Sendable (TestDatabase) async throws -> T
  ) async throws -> T {
    let server = try server ?? serverConninfo()
    let admin = try await PostgresConnection.connect(conninfo: server, settings: .migrator)
    let name = "td_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
    try await admin.execute("CREATE DATABASE \(name)")
    let database = TestDatabase(name: String(name), conninfo: try conninfo(server, database: String(name)))
    do {
      let value = try await body(database)
      try await admin.execute("DROP DATABASE \(name) WITH (FORCE)")
      await admin.close()
      return value
    } catch {
      try? await admin.execute("DROP DATABASE \(name) WITH (FORCE)")
      await admin.close()
      throw error
    }
  }

  /// The server's connection string, or a failure naming the variable to set.
  static func serverConninfo() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["TASKDASH_TEST_DATABASE_URL"], !url.isEmpty else {
      throw TestSetupError(
        "TASKDASH_TEST_DATABASE_URL is not set: point it at a PostgreSQL server where the test role may "
          + "create databases (scripts/pg-throwaway start prints one), or set TASKDASH_SKIP_POSTGRES=1")
    }
    return url
  }

  /// The same server with another database name and, optionally, more connection options.
  static func conninfo(_ server: String, database: String, options: [String: String] = [:]) throws -> String {
    let lower = server.lowercased()
    guard lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") else {
      // In key=value strings the last occurrence of a keyword wins.
      let quoted = options.sorted { $0.key < $1.key }.map { key, value in
        " \(key)='" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
          + "'"
      }
      return server + " dbname=" + database + quoted.joined()
    }
    guard var components = URLComponents(string: server) else {
      throw TestSetupError("TASKDASH_TEST_DATABASE_URL does not parse as a URL")
    }
    components.path = "/" + database
    let kept = (components.queryItems ?? []).filter { options[$0.name] == nil }
    let added = options.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
    components.queryItems = kept + added
    guard let url = components.string else { throw TestSetupError("cannot rebuild the test database URL") }
    return url
  }

  // MARK: - Helpers for tests

  /// The application name of the tests' own sessions, so that counting the store's sessions
  /// (named taskdash) leaves them out.
  static let adminApplicationName = "taskdash-tests"

  /// A session on this database that may do anything (no read-only flag, no deadline).
  func adminConnection() async throws -> PostgresConnection {
    let admin = try Self.conninfo(conninfo, database: name, options: ["application_name": Self.adminApplicationName])
    return try await PostgresConnection.connect(conninfo: admin, settings: .migrator)
  }

  /// Applies the embedded migrations.
  func migrate() async throws {
    let driver = try await PostgresBackend.migrationDriver(conninfo: conninfo)
    try await Migrator(catalog: MigrationCatalog.embedded(.postgres), driver: driver).up()
    await driver.close()
  }

  /// Runs one statement on a short-lived admin session and returns its rows.
  func query(_ sql: String, _ parameters: [String?] = []) async throws -> [PostgresRow] {
    // The session ends when the connection is released.
    try await adminConnection().query(sql, parameters)
  }
}
