import ArgumentParser
import Foundation
import TaskDashDemo
import TaskDashModel
import TaskDashStore
import TaskDashViewModel
import Testing

@testable import taskdash

@Suite struct PageSnapshotTests {
  /// The page `taskdash snapshot --run`/`--task` prints for `reference`.
  static func page(_ reference: PageSnapshot.Reference, in database: ScratchDatabase) async throws -> PageContent {
    try await Backends.withCheckedReader(database.target) { reader in
      try await PageSnapshot.read(reference, from: reader, settings: AppSettings())
    }
  }

  /// The newest runs of the seeded database.
  static func runs(in database: ScratchDatabase) async throws -> [RunRow] {
    try await Backends.withCheckedReader(database.target) { try await $0.runs(RunQuery(limit: 5)) }
  }

  /// The id of the run whose page `content` is, or nil for a task's page.
  static func runID(_ content: PageContent) -> UUID? {
    if case .run(let page) = content { page.run.id } else { nil }
  }

  /// The JSON form's top-level object.
  static func object(_ content: PageContent) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(try PageSnapshot.json(content, now: Date()).utf8)) as? [String: Any])
  }

  /// The line a failed `snapshot` prints for `reference`, which must name nothing.
  static func notFoundLine(_ reference: PageSnapshot.Reference, in database: ScratchDatabase) async throws -> String {
    let error = await #expect(throws: PageSnapshot.NotFound.self) { try await page(reference, in: database) }
    return ErrorLine.line(ErrorLine.message(for: try #require(error)))
  }

  @Test func aRunNamedByTaskNameAndNumberGivesItsPage() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let run = try #require(try await Self.runs(in: database).first)
      let content = try await Self.page(.run("\(run.taskName)#\(run.runNumber)"), in: database)
      guard case .run(let page) = content else {
        Issue.record("expected a run page, got \(content)")
        return
      }
      #expect(page.run.id == run.id)

      let lines = PageSnapshot.text(content, now: Date()).split(separator: "\n")
      #expect(lines.first == "\(run.taskName) · run #\(run.runNumber) · \(run.status.rawValue)")
      #expect(lines.contains { $0.hasPrefix("Run id") && $0.hasSuffix(run.id.uuidString.lowercased()) })
      let object = try Self.object(content)
      #expect((object["id"] as? String).flatMap(UUID.init) == run.id)
      #expect(object["runNumber"] as? Int == run.runNumber)
    }
  }

  @Test func aRunNamedByItsIdGivesItsPageInEitherCase() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let run = try #require(try await Self.runs(in: database).last)
      for id in [run.id.uuidString, run.id.uuidString.lowercased()] {
        let content = try await Self.page(.run(id), in: database)
        #expect(Self.runID(content) == run.id, "\(id)")
      }
    }
  }

  @Test func aTaskNamedByItsNameGivesItsPage() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let name = try #require(try SeedCatalog.embedded().tasks.last?.name)
      let content = try await Self.page(.task(name), in: database)
      guard case .task(let page) = content else {
        Issue.record("expected a task page, got \(content)")
        return
      }
      #expect(page.task.task.name == name)
      #expect(PageSnapshot.text(content, now: Date()).hasPrefix("\(name) · \(page.task.task.status.rawValue)\n"))
      let object = try Self.object(content)
      #expect(object["name"] as? String == name)
      #expect(object["totalRuns"] as? Int == page.task.task.totalRuns)
    }
  }

  @Test(arguments: ["no such task#1", "00000000-0000-4000-8000-000000000000", "a run", "#1", "name#one"])
  func anUnknownRunIsOneNotFoundLine(_ reference: String) async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let line = try await Self.notFoundLine(.run(reference), in: database)
      #expect(line == "taskdash: no run \"\(reference)\" (give a run id or TASK NAME#N)\n")
    }
  }

  @Test func aRunNumberPastTheTaskRunsIsNotFound() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let run = try #require(try await Self.runs(in: database).first)
      let reference = "\(run.taskName)#\(Int32.max)"
      let line = try await Self.notFoundLine(.run(reference), in: database)
      #expect(line == "taskdash: no run \"\(reference)\" (give a run id or TASK NAME#N)\n")
    }
  }

  @Test func anUnknownTaskIsOneNotFoundLine() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let line = try await Self.notFoundLine(.task("no such task"), in: database)
      #expect(line == "taskdash: no task named \"no such task\"\n")
    }
  }

  /// The name comes from the command line, so it is as hostile as the database's text.
  @Test func aHostileUnknownNameIsShownAsMarksOnOneLine() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      let line = try await Self.notFoundLine(.task("x\u{1B}]0;owned\u{07}\ny"), in: database)
      #expect(line == "taskdash: no task named \"x\\x1b]0;owned\\x07\\ny\"\n")
    }
  }

  @Test func aHostileRunsPageIsShownAsMarksAndEscapedInTheJSON() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      let hostile = try await HostileRun.write(to: database)
      let content = try await Self.page(.run(hostile.reference), in: database)
      #expect(Self.runID(content) == hostile.id)

      let text = PageSnapshot.text(content, now: Date())
      #expect(HostileRun.isClean(text))
      #expect(text.contains("boom\\x1b[2J"))
      let json = try PageSnapshot.json(content, now: Date())
      #expect(HostileRun.isClean(json))
      let errorMessage = try #require(try Self.object(content)["errorMessage"] as? [String: Any])
      #expect(errorMessage["text"] as? String == HostileRun.errorMessage)
    }
  }

  @Test func aHostileTasksPageIsShownAsMarks() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      _ = try await HostileRun.write(to: database)
      let content = try await Self.page(.task(HostileRun.taskName), in: database)
      let text = PageSnapshot.text(content, now: Date())
      #expect(text.hasPrefix("evil\\x1b[31m · failed\n"))
      #expect(HostileRun.isClean(text))
      #expect(HostileRun.isClean(try PageSnapshot.json(content, now: Date())))
    }
  }

  @Test func theCommandRefusesARunAndATaskTogether() throws {
    do {
      _ = try TaskDash.parseAsRoot(["snapshot", "--run", "a#1", "--task", "a"])
      Issue.record("both --run and --task were accepted")
    } catch {
      #expect(TaskDash.message(for: error) == "give --run or --task, not both")
    }
  }
}
