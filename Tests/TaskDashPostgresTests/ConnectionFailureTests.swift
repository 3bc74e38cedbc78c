import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashPostgres

@Suite(.enabled(if: TestDatabase.isEnabled))
struct ConnectionFailureTests {
  static let secret = "s3cret-Pa55-word"

  /// Runs `open` and returns the StoreError it threw (recording an issue if it threw none).
  static func failure(_ open: () async throws -> Void) async -> StoreError? {
    do {
      try await open()
      Issue.record("connecting succeeded where it should have failed")
      return nil
    } catch let error as StoreError {
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  static func isAuthentication(_ error: StoreError?) -> Bool {
    if case .authentication = error { true } else { false }
  }

  static func isInvalidTarget(_ error: StoreError?) -> Bool {
    if case .invalidTarget = error { true } else { false }
  }

  static func isConnection(_ error: StoreError?) -> Bool {
    if case .connection = error { true } else { false }
  }

  /// Polls a condition that the server reaches on its own shortly (a backend exiting).
  static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
    for _ in 0..<200 {
      if try await condition() { return true }
      try await _Concurrency.Task.sleep(for: .milliseconds(25))
    }
    return false
  }

  // MARK: - Refused logins

  @Test func anUnknownDatabaseIsAnAuthenticationFailureThatHidesThePassword() async throws {
    let conninfo = try TestDatabase.conninfo(
      try TestDatabase.serverConninfo(), database: "td_no_such_database", options: ["password": Self.secret])
    for open in [
      { _ = try await PostgresBackend.reader(conninfo: conninfo) },
      { _ = try await PostgresBackend.writer(conninfo: conninfo) },
      { _ = try await PostgresBackend.migrationDriver(conninfo: conninfo) },
    ] as [@Sendable () async throws -> Void] {
      let error = await Self.failure(open)
      #expect(Self.isAuthentication(error))
      #expect(error?.isRetryable == false)
      #expect(error?.description.contains("td_no_such_database") == true)
      #expect(error?.description.contains(Self.secret) == false)
    }
  }

  /// The test server trusts local logins, so this test requires a password for one new role in
  /// pg_hba.conf (through the server, as a superuser) and puts the file back afterwards.
  @Test func aWrongPasswordIsAnAuthenticationFailureThatHidesThePassword() async throws {
    let server = try TestDatabase.serverConninfo()
    let admin = try await PostgresConnection.connect(conninfo: server, settings: .migrator)
    let role = "td_pw_" + UUID().uuidString.lowercased().prefix(8)
    _ = try await admin.query("SELECT set_config('password_encryption', 'scram-sha-256', false)")
    try await admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'the-right-one'")
    let hbaFile = try #require(try await admin.query("SELECT current_setting('hba_file')").first).string(0)
    let original = try #require(try await admin.query("SELECT pg_read_file($1)", [hbaFile]).first).string(0)

    func writeHBA(_ text: String) async throws {
      let oid = try #require(
        try await admin.query("SELECT lo_from_bytea(0, convert_to($1, 'UTF8'))", [text]).first
      ).string(0)
      _ = try await admin.query("SELECT lo_export($1::oid, $2)", [oid, hbaFile])
      _ = try await admin.query("SELECT lo_unlink($1::oid)", [oid])
      _ = try await admin.query("SELECT pg_reload_conf()")
    }

    do {
      try await writeHBA(
        "local all \(role) scram-sha-256\nhost all \(role) all scram-sha-256\n" + original)
      let conninfo = try TestDatabase.conninfo(
        server, database: "postgres", options: ["user": role, "password": Self.secret])
      // The reload is asynchronous: until the postmaster has read the file, trust still applies.
      var error: StoreError?
      let refused = try await Self.eventually {
        do {
          let reader = try await PostgresBackend.reader(conninfo: conninfo)
          await reader.close()
          return false
        } catch let failure as StoreError {
          error = failure
          return Self.isAuthentication(failure)
        }
      }
      #expect(refused)
      #expect(error?.description.contains("password authentication failed") == true)
      #expect(error?.description.contains(Self.secret) == false)
      #expect(error?.isRetryable == false)
    } catch {
      Issue.record(error)
    }
    try await writeHBA(original)
    try await admin.execute("DROP ROLE \(role)")
  }

  @Test func anUnreachableServerIsAConnectionFailureThatHidesThePassword() async throws {
    let conninfo = "host=127.0.0.1 port=1 user=nobody connect_timeout=3 password=\(Self.secret)"
    let error = await Self.failure { _ = try await PostgresBackend.reader(conninfo: conninfo) }
    #expect(Self.isConnection(error))
    #expect(error?.isRetryable == true)
    #expect(error?.description.contains(Self.secret) == false)
  }

  @Test func anUnparsableConnectionStringIsRefusedWithoutQuotingIt() async throws {
    for conninfo in [
      "host=localhost \(Self.secret)", "host=localhost password='\(Self.secret)",
      "postgresql://user:\(Self.secret)@localhost/db?\(Self.secret)",
    ] {
      let error = await Self.failure { _ = try await PostgresBackend.reader(conninfo: conninfo) }
      #expect(Self.isInvalidTarget(error), "\(String(describing: error))")
      #expect(error?.description.contains(Self.secret) == false, "\(String(describing: error))")
    }
  }

  // MARK: - Deadlines and lost connections

  @Test func aStatementPastItsDeadlineIsCancelledAndItsConnectionDropped() async throws {
    try await TestDatabase.with { database in
      let settings = ConnectionSettings(
        sessionSQL: "SET TimeZone = 'UTC'", deadline: .milliseconds(300), threadName: "deadline-test")
      let connection = try await PostgresConnection.connect(conninfo: database.conninfo, settings: settings)
      await #expect {
        try await connection.query("SELECT pg_sleep(60)")
      } throws: { error in
        if case .timedOut = error as? StoreError { true } else { false }
      }
      #expect(await connection.isBroken)
      await #expect {
        try await connection.query("SELECT 1")
      } throws: { error in
        Self.isConnection(error as? StoreError)
      }
      let gone = try await Self.eventually {
        let rows = try await database.query(
          "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'SELECT pg_sleep(60)%'",
          [database.name])
        return try rows.first?.int(0) == 0
      }
      #expect(gone, "the sleeping statement still runs on the server")
    }
  }

  @Test func aStatementOverTheServersTimeoutIsTimedOutAndTheSessionStaysUsable() async throws {
    try await TestDatabase.with { database in
      let session = try await PostgresConnection.connect(conninfo: database.conninfo, settings: .reader)
      try await session.execute("SET statement_timeout = '50ms'")
      await #expect(throws: StoreError.timedOut("canceling statement due to statement timeout")) {
        try await session.query("SELECT pg_sleep(5)")
      }
      #expect(await !session.isBroken)
      #expect(try await session.query("SELECT 1").first?.int(0) == 1)
    }
  }

  @Test func aReaderWhoseBackendsWereTerminatedReconnectsWithoutLeakingSessions() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let sessions = """
        SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'taskdash'
        """
      func count() async throws -> Int {
        try #require(try await database.query(sessions, [database.name]).first).int(0)
      }
      // The migration's session ends asynchronously on the server.
      #expect(try await Self.eventually { try await count() == 0 })

      let reader = try await PostgresBackend.reader(conninfo: database.conninfo)
      // Two polls at once use both pooled connections.
      async let first = reader.health()
      async let second = reader.tasks(TaskQuery())
      _ = try await (first, second)
      let before = try await count()
      #expect((1...2).contains(before))

      // As a server restart would, end every session of the reader.
      let terminated = try await database.query(
        """
        SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) FROM pg_stat_activity
         WHERE datname = $1 AND application_name = 'taskdash'
        """, [database.name])
      #expect(try terminated.first?.int(0) == before)

      // Each call afterwards succeeds on a fresh connection.
      #expect(try await reader.health().schemaVersion == 3)
      async let third = reader.health()
      async let fourth = reader.runs(RunQuery())
      let (health, runs) = try await (third, fourth)
      #expect(health.schemaVersion == 3)
      #expect(runs.isEmpty)
      #expect(try await count() <= 2)

      await reader.close()
      #expect(try await Self.eventually { try await count() == 0 }, "closing the reader left sessions behind")
    }
  }
}
