import Foundation
import TaskDashDemo
import TaskDashModel
import TaskDashStore
import Testing

@testable import taskdash

@Suite struct SnapshotTests {
  /// Reads the snapshot `taskdash snapshot --limit LIMIT` prints.
  static func snapshot(_ database: ScratchDatabase, limit: Int = 20) async throws -> Snapshot {
    try await Backends.withCheckedReader(database.target) { reader in
      try await Snapshot.read(from: reader, target: database.target, limit: limit)
    }
  }

  /// The rows of the table section whose title line starts with `title`, its header first.
  static func section(_ title: String, of table: String) throws -> [String] {
    let sections = table.components(separatedBy: "\n\n").map { $0.split(separator: "\n").map(String.init) }
    return try #require(sections.first { $0.first?.hasPrefix(title) == true }).dropFirst().map { $0 }
  }

  /// The JSON form's top-level object.
  static func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test func theTableListsEveryDemoTaskAndTheNewestRuns() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let snapshot = try await Self.snapshot(database)
      let names = try SeedCatalog.embedded().tasks.map(\.name)
      #expect(Set(snapshot.tasks.map(\.name)) == Set(names))

      let table = SnapshotTable.render(snapshot)
      #expect(table.hasPrefix("taskdash snapshot of sqlite:\(database.path) at "))
      let tasks = try Self.section("TASKS", of: table)
      #expect(tasks.first?.hasPrefix("  NAME ") == true)
      #expect(tasks.count == names.count + 1)
      for name in names {
        #expect(tasks.filter { $0.hasPrefix("  \(name)  ") }.count == 1, "\(name) has one row")
      }
      #expect(try Self.section("RUNS", of: table).count == snapshot.runs.count + 1)
      let selected = try #require(snapshot.selectedRunID)
      #expect(selected == snapshot.runs.first?.id)
      #expect(try Self.section("METRICS of run \(selected.uuidString.lowercased())", of: table).count > 1)
    }
  }

  @Test func theJSONListsEveryDemoTaskAndTheNewestRuns() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let snapshot = try await Self.snapshot(database)
      let object = try Self.object(try snapshot.json())

      #expect(object["target"] as? String == "sqlite:\(database.path)")
      let tasks = try #require(object["tasks"] as? [[String: Any]])
      #expect(Set(tasks.compactMap { $0["name"] as? String }) == Set(try SeedCatalog.embedded().tasks.map(\.name)))
      let runs = try #require(object["runs"] as? [[String: Any]])
      #expect(runs.compactMap { ($0["id"] as? String).flatMap(UUID.init) } == snapshot.runs.map(\.id))
      #expect((object["selectedRunID"] as? String).flatMap(UUID.init) == snapshot.runs.first?.id)
      #expect((object["metrics"] as? [Any])?.count == snapshot.metrics.count)
    }
  }

  @Test func theLimitBoundsEveryList() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let snapshot = try await Self.snapshot(database, limit: 3)
      #expect(snapshot.tasks.count == 3)
      #expect(snapshot.runs.count == 3)
      #expect(snapshot.artifacts.count <= 3)
    }
  }

  @Test func anEmptyDatabaseSaysNoneAndSelectsNoRun() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      let snapshot = try await Self.snapshot(database)
      #expect(snapshot.selectedRunID == nil)

      let table = SnapshotTable.render(snapshot)
      #expect(try Self.section("TASKS", of: table).last == "  (none)")
      #expect(try Self.section("RUNS", of: table).last == "  (none)")
      #expect(!table.contains("METRICS"))
      let object = try Self.object(try snapshot.json())
      #expect((object["tasks"] as? [Any])?.isEmpty == true)
      #expect(object["selectedRunID"] == nil)
    }
  }

  /// A name with nothing to show (empty, or blanks only) must not pull its row's other cells
  /// under the wrong headings.
  @Test(arguments: ["", "   "])
  func columnsStayAlignedWhenANameIsBlank(_ blank: String) async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      try await database.write { writer in
        try await writer.transaction { transaction in
          try await transaction.insert(tasks: [Task(name: blank), Task(name: "alpha")])
        }
      }
      let rows = try Self.section("TASKS", of: SnapshotTable.render(try await Self.snapshot(database)))
      let header = try #require(rows.first)
      let statusColumn = try #require(header.range(of: "STATUS")).lowerBound.utf16Offset(in: header)
      for row in rows.dropFirst() {
        #expect(row.dropFirst(statusColumn).hasPrefix("pending"), "\(row.debugDescription)")
      }
    }
  }

  @Test func hostileTextIsShownAsMarksInTheTableAndEscapedInTheJSON() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      _ = try await HostileRun.write(to: database)
      let snapshot = try await Self.snapshot(database)

      let table = SnapshotTable.render(snapshot)
      #expect(HostileRun.isClean(table))
      #expect(table.contains("\\x1b[2J"))
      let json = try snapshot.json()
      #expect(HostileRun.isClean(json))
      let runs = try #require(try Self.object(json)["runs"] as? [[String: Any]])
      #expect(runs.first?["errorMessage"] as? String == HostileRun.errorMessage)
      #expect(runs.first?["taskName"] as? String == HostileRun.taskName)
    }
  }
}
