import Foundation
import TaskDashDemo
import TaskDashStore
import Testing

@testable import TaskDashSQLite
@testable import taskdash

@Suite struct BackendsTests {
  static let secret = "s3cret-Pa55-word"

  /// The target `--database-url TEXT` resolves to (the flag wins over the environment).
  static func target(_ url: String) throws -> DatabaseTarget {
    try DatabaseOptions.parse(["--database-url", url]).target()
  }

  /// The error `body` throws, recorded as an issue when it throws none or another kind.
  static func storeError(_ body: () async throws -> Void) async -> StoreError? {
    await #expect(throws: StoreError.self) { try await body() }
  }

  /// What `--database-url` selects: PostgreSQL for its URLs and key=value strings, SQLite for
  /// `sqlite:` targets and database file names.
  @Test(arguments: [
    ("sqlite:state/dash.sqlite", DatabaseTarget.sqlite(path: "state/dash.sqlite")),
    ("sqlite:///srv/taskdash/dash", .sqlite(path: "/srv/taskdash/dash")),
    ("runs.db", .sqlite(path: "runs.db")),
    ("  state/dash.sqlite3 ", .sqlite(path: "state/dash.sqlite3")),
    ("postgres://alice@db.example/taskdash", .postgres("postgres://alice@db.example/taskdash")),
    ("POSTGRESQL://db.example/taskdash", .postgres("POSTGRESQL://db.example/taskdash")),
    ("host=db.example dbname=taskdash", .postgres("host=db.example dbname=taskdash")),
  ])
  func aURLSelectsItsBackend(_ url: String, _ expected: DatabaseTarget) throws {
    #expect(try Self.target(url) == expected)
  }

  @Test func aSQLiteTargetOpensTheSQLiteStore() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      let reader = try await Backends.reader(try Self.target("sqlite:" + database.path))
      #expect(reader is SQLiteReader)
      await reader.close()
      let writer = try await Backends.writer(database.target)
      #expect(writer is SQLiteWriter)
      await writer.close()
    }
  }

  /// Only `migrate up` (and `demo`) create a database: every other command would leave an
  /// empty file behind its refusal.
  @Test func aMissingSQLiteFileIsRefusedAndNotCreated() async throws {
    try await ScratchDatabase.with { database in
      let refusal = StoreError.schema("no database at \(database.path); run taskdash migrate up")
      let opens: [() async throws -> Void] = [
        { _ = try await Backends.reader(database.target) },
        { _ = try await Backends.writer(database.target) },
        { try await Backends.withMigrator(database.target) { _ in } },
        { _ = try await Backends.dashboardReader(database.target, patience: .seconds(60)) },
      ]
      for open in opens {
        let error = await Self.storeError(open)
        #expect(error == refusal)
      }
      #expect(!FileManager.default.fileExists(atPath: database.path))

      let applied = try await Backends.withMigrator(database.target, creating: true) { try await $0.up() }
      #expect(applied == (try MigrationCatalog.embedded(.sqlite)).migrations.map(\.version))
      #expect(FileManager.default.fileExists(atPath: database.path))
    }
  }

  @Test func theDashboardReaderOfACurrentDatabaseReads() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let reader = try await Backends.dashboardReader(database.target, patience: .seconds(60))
      #expect(try await reader.health().schemaVersion == (try MigrationCatalog.embedded(.sqlite)).latestVersion)
      #expect(try await reader.tasks(TaskQuery()).count == (try SeedCatalog.embedded()).tasks.count)
      await reader.close()
    }
  }

  /// A schema the binary cannot read fails before the terminal is taken over.
  @Test func theDashboardReaderRefusesAnOlderSchemaAtStartUp() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrate(try .embedded(.sqlite), to: 1)
      let error = await Self.storeError {
        _ = try await Backends.dashboardReader(database.target, patience: .seconds(60))
      }
      #expect(error?.description.hasPrefix("\(database.target) is at schema version 1, ") == true)
      let checked = await Self.storeError { try await Backends.withCheckedReader(database.target) { _ in } }
      #expect(checked == error)
    }
  }

  /// SQLite's "not a database" is treated like a refused login: the dashboard opens on its
  /// banner, which says what to check, and the read fails with that remedy.
  @Test func aFileThatIsNotADatabaseOpensTheDashboardOnItsRemedy() async throws {
    try await ScratchDatabase.with { database in
      try FileManager.default.createDirectory(
        atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: database.path))

      let reader = try await Backends.dashboardReader(database.target, patience: .seconds(60))
      let error = await Self.storeError { _ = try await reader.tasks(TaskQuery()) }
      await reader.close()
      guard case .authentication = error else {
        Issue.record("expected a refusal, got \(String(describing: error))")
        return
      }
      #expect(error?.remedy == Remedy(action: "check that the path names a taskdash SQLite file"))
    }
  }

  @Test(arguments: [
    "nonsense", "sqlite:", "sqlite://relative/path", "postgres://alice:\(secret)@db.example:port/taskdash",
  ])
  func aBadURLIsOneLineThatKeepsThePasswordOut(_ url: String) throws {
    let error = #expect(throws: StoreError.self) { try Self.target(url) }
    guard case .invalidTarget = error else {
      Issue.record("expected an invalid target, got \(String(describing: error))")
      return
    }
    let line = ErrorLine.line(ErrorLine.message(for: try #require(error)))
    #expect(line.hasPrefix("taskdash: invalid database target: "))
    #expect(line.filter(\.isNewline) == "\n")
    #expect(!line.contains(Self.secret))
  }

  /// No server listens in an empty directory, so libpq fails at once without any network: the
  /// dashboard still opens (on its disconnected screen, retrying), while a one-shot command fails.
  @Test func anUnreachableServerOpensTheDashboardAndNoMessageShowsThePassword() async throws {
    try await ScratchDatabase.with { database in
      let socketDirectory = (database.path as NSString).deletingLastPathComponent
      try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
      let target = try Self.target("host='\(socketDirectory)' user=alice password=\(Self.secret) dbname=taskdash")
      #expect(target.description.contains("password=****"))
      #expect(!target.description.contains(Self.secret))

      let error = await Self.storeError { try await Backends.withCheckedReader(target) { _ in } }
      guard case .connection = error else {
        Issue.record("expected a connection failure, got \(String(describing: error))")
        return
      }
      #expect(error?.isRetryable == true)
      let line = ErrorLine.line(ErrorLine.message(for: try #require(error)))
      #expect(line.contains(socketDirectory))
      #expect(!line.contains(Self.secret))

      let reader = try await Backends.dashboardReader(target, patience: .seconds(60))
      let polled = await Self.storeError { _ = try await reader.health() }
      await reader.close()
      #expect(polled?.isRetryable == true)
      #expect(polled?.description.contains(Self.secret) == false)
    }
  }

  /// libpq quotes the part of a string it cannot parse, which here is the password.
  @Test func aConnectionStringLibpqCannotParseFailsBeforeTheDashboardOpens() async throws {
    let target = try Self.target("host=db.example password='\(Self.secret)")
    let error = await Self.storeError { _ = try await Backends.dashboardReader(target, patience: .seconds(60)) }
    guard case .invalidTarget = error else {
      Issue.record("expected an invalid target, got \(String(describing: error))")
      return
    }
    #expect(error?.description.contains(Self.secret) == false)
  }
}
