import Foundation
import TaskDashStore
import TaskDashTestSupport

@testable import TaskDashPostgres

/// Fresh PostgreSQL databases: `CREATE DATABASE td_<random>` on the server named by
/// TASKDASH_TEST_DATABASE_URL, dropped again after the test.
///
/// With TASKDASH_TEST_DATABASE_URL unset the tests of the postgres case fail; setting
/// TASKDASH_SKIP_POSTGRES=1 by hand is the only way to leave PostgreSQL out, and it is honoured
/// by leaving `.postgres` out of `TestBackend.allCases`.
enum PostgresFixtureFactory {
  /// Fixtures open at once: about six connections each, well under the throwaway server's limit.
  static let permits = Permits(48)

  static func make(migrated: Bool) async throws -> StoreFixture {
    await permits.acquire()
    do {
      return try await makeHoldingPermit(migrated: migrated)
    } catch {
      await permits.release()
      throw error
    }
  }

  private static func makeHoldingPermit(migrated: Bool) async throws -> StoreFixture {
    let environment = ProcessInfo.processInfo.environment
    guard let serverURL = environment["TASKDASH_TEST_DATABASE_URL"], !serverURL.isEmpty else {
      throw FixtureError(
        description: "TASKDASH_TEST_DATABASE_URL is not set: start a server with scripts/pg-throwaway start "
          + "and export its URL, or set TASKDASH_SKIP_POSTGRES=1 to leave PostgreSQL out")
    }
    let database = "td_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    try PostgresTestSession(conninfo: serverURL).execute("CREATE DATABASE \(database)")
    let dropDatabase: @Sendable () -> Void = {
      try? PostgresTestSession(conninfo: serverURL).execute("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
    }
    do {
      let conninfo = try PostgresTestSession.conninfo(serverURL, database: database)
      let stores = try await Self.stores(conninfo: conninfo)
      if migrated {
        try await Migrator(catalog: try MigrationCatalog.embedded(.postgres), driver: stores.driver).up()
      }
      let raw = try PostgresTestSession(conninfo: conninfo)
      return StoreFixture(
        backend: .postgres, reader: stores.reader, writer: stores.writer, driver: stores.driver,
        raw: RawSession(execute: { try raw.execute($0) }, values: { try raw.values($0) }),
        readerSession: stores.readerSession,
        tearDown: {
          await stores.reader.close()
          await stores.writer.close()
          await stores.driver.close()
          dropDatabase()
          await permits.release()
        },
        openMaintainer: { try await PostgresBackend.maintainer(conninfo: conninfo) }, location: conninfo)
    } catch {
      dropDatabase()
      throw error
    }
  }

  /// The store values under test on one database.
  struct Stores: Sendable {
    let reader: any DashboardReading
    let writer: any DashboardWriting
    let driver: any MigrationDriver
    /// Plain SQL through the reader's own session (its read-only settings included).
    let readerSession: RawSession
  }

  /// Opens the PostgreSQL backend on `conninfo`, plus a session with the reader's settings
  /// (read-only, statement timeout) for trying what the reader must refuse.
  static func stores(conninfo: String) async throws -> Stores {
    let readerConnection = try await PostgresConnection.connect(conninfo: conninfo, settings: .reader)
    return Stores(
      reader: try await PostgresBackend.reader(conninfo: conninfo),
      writer: try await PostgresBackend.writer(conninfo: conninfo),
      driver: try await PostgresBackend.migrationDriver(conninfo: conninfo),
      readerSession: RawSession(
        execute: { sql in try await readerConnection.execute(sql) },
        values: { sql in try await readerConnection.query(sql).map { $0.optionalString(0) } }))
  }
}
