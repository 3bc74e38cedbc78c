import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import taskdash

/// The server a snapshot was read from: in the JSON's `server` object and the table's second
/// line on PostgreSQL (the real servers are in scripts/e2e/standby.sh), absent on SQLite.
@Suite struct SnapshotServerTests {
  static func json(_ entry: Snapshot.ServerEntry) throws -> [String: Any] {
    let data = try JSONEncoder().encode(entry)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func aStandbyGivesHostPortRoleAndLagSeconds() throws {
    let server = DatabaseServer(host: "/run/pg", port: "5433", role: .standby(replayLag: .milliseconds(420)))
    let object = try Self.json(Snapshot.ServerEntry(server))
    #expect(Set(object.keys) == ["host", "port", "role", "lagSeconds"])
    #expect(object["host"] as? String == "/run/pg")
    #expect(object["port"] as? String == "5433")
    #expect(object["role"] as? String == "standby")
    #expect(object["lagSeconds"] as? Double == 0.42)
    #expect(Snapshot.ServerEntry(server).summary == "/run/pg:5433 · standby · 0.4 s behind")
  }

  @Test func aPrimaryHasNoLag() throws {
    let entry = Snapshot.ServerEntry(DatabaseServer(host: "db-1", port: "5432", role: .primary))
    let object = try Self.json(entry)
    #expect(Set(object.keys) == ["host", "port", "role"])
    #expect(object["role"] as? String == "primary")
    #expect(entry.summary == "db-1:5432 · primary")
  }

  @Test func sqliteHasNoServer() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let snapshot = try await SnapshotTests.snapshot(database)
      #expect(snapshot.server == nil)
      #expect(try SnapshotTests.object(try snapshot.json())["server"] == nil)
      #expect(SnapshotTable.render(snapshot).split(separator: "\n")[1] == "TASKS")
    }
  }

  @Test func theTableNamesTheServerUnderItsTitleSanitized() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      var snapshot = try await SnapshotTests.snapshot(database)
      snapshot.server = Snapshot.ServerEntry(
        DatabaseServer(host: "db\u{1b}[2J", port: "5432", role: .standby(replayLag: .seconds(187))))
      let lines = SnapshotTable.render(snapshot).split(separator: "\n")
      #expect(lines[1].hasPrefix("server db"))
      #expect(lines[1].hasSuffix(":5432 · standby · 3m07s behind"))
      #expect(!lines[1].contains("\u{1b}"))
    }
  }
}
