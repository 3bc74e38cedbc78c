import Foundation
import TaskDashStore
import Testing

@testable import taskdash

@Suite struct SchemaGateTests {
  /// How a blank database comes about: a file someone created, or every migration reverted.
  enum Blank: CaseIterable, Sendable {
    case emptyFile
    case everyMigrationReverted
  }

  /// The error the gate throws on the file, or nil when it lets the database through.
  static func verdict(_ database: ScratchDatabase) async throws -> StoreError? {
    let reader = try await Backends.reader(database.target)
    return try await Backends.closing({ await reader.close() }) {
      do {
        try await SchemaGate.check(reader, target: database.target)
        return nil
      } catch let error as StoreError {
        return error
      }
    }
  }

  static func latest() throws -> Int {
    try #require(try MigrationCatalog.embedded(.sqlite).latestVersion)
  }

  @Test(arguments: Blank.allCases)
  func aBlankDatabaseIsSentToMigrateUp(_ blank: Blank) async throws {
    try await ScratchDatabase.with { database in
      switch blank {
      case .emptyFile:
        try FileManager.default.createDirectory(
          atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: database.path, contents: nil))
      case .everyMigrationReverted:
        try await database.migrateToLatest()
        try await Backends.withMigrator(database.target) { _ = try await $0.down(.all) }
      }
      let verdict = try await Self.verdict(database)
      #expect(
        verdict
          == .schema(
            "sqlite:\(database.path) has no taskdash schema; run: taskdash migrate up (or try: taskdash demo)"))
    }
  }

  @Test func aCurrentDatabasePasses() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      #expect(try await Self.verdict(database) == nil)
    }
  }

  @Test func anOlderDatabaseIsSentToMigrateUp() async throws {
    let latest = try Self.latest()
    // The version before the newest; versions need not be consecutive.
    let versions = try MigrationCatalog.embedded(.sqlite).migrations.map(\.version)
    let previous = try #require(
      versions.dropLast().last, "the catalog needs two versions for a database to be behind it")
    try await ScratchDatabase.with { database in
      try await database.migrate(try .embedded(.sqlite), to: previous)
      let verdict = try await Self.verdict(database)
      #expect(
        verdict
          == .schema(
            "sqlite:\(database.path) is at schema version \(previous), this taskdash needs \(latest); run: taskdash migrate up"
          ))
    }
  }

  @Test func aNewerDatabaseIsSentToANewerBinary() async throws {
    let latest = try Self.latest()
    // A newer taskdash is this catalog plus a version this binary does not know.
    var newer = try MigrationCatalog.embedded(.sqlite)
    newer.migrations.append(
      Migration(
        version: latest + 1, name: "from_a_newer_binary", upSQL: "CREATE TABLE newer_feature (id INTEGER)",
        downSQL: "DROP TABLE newer_feature"))
    try await ScratchDatabase.with { database in
      try await database.migrate(newer)
      let verdict = try await Self.verdict(database)
      #expect(
        verdict
          == .schema(
            "sqlite:\(database.path) is at schema version \(latest + 1), newer than this taskdash (\(latest)); upgrade taskdash, or run: taskdash migrate down --to \(latest) with the newer binary"
          ))
    }
  }
}
