import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashSQLite

@Suite struct ConcurrencyTests {
  @Test func twoWritersOnTwoConnectionsBothCommitWithUniqueRunNumbers() async throws {
    try await TemporaryDatabase.with { path in
      let first = try await SQLiteBackend.writer(path: path)
      let second = try await SQLiteBackend.writer(path: path)
      let task = Task(name: "contended")
      try await first.transaction { try await $0.insert(tasks: [task]) }

      // Each transaction holds the write lock for a while, so the other writer's BEGIN
      // IMMEDIATE has to wait for it (the busy timeout) instead of failing with SQLITE_BUSY.
      let transactions = 25
      let runsPerTransaction = 200
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in [first, second] {
          group.addTask {
            for _ in 0..<transactions {
              try await writer.transaction { transaction in
                try await transaction.insert(runs: (0..<runsPerTransaction).map { _ in TaskRun(taskID: task.id) })
              }
            }
          }
        }
        try await group.waitForAll()
      }
      await first.close()
      await second.close()

      let total = 2 * transactions * runsPerTransaction
      let reader = try await SQLiteBackend.reader(path: path)
      let row = try #require(try await reader.tasks(TaskQuery()).first)
      #expect(row.task.totalRuns == total)
      var numbers: [Int] = []
      var cursor: PageCursor?
      while true {
        let page = try await reader.runs(RunQuery(taskID: task.id, after: cursor, limit: 1000))
        numbers += page.map(\.runNumber)
        guard let last = page.last else { break }
        cursor = PageCursor(createdAt: last.createdAt, id: last.id)
      }
      #expect(numbers.sorted() == Array(1...total))
      await reader.close()
    }
  }

  @Test func aReaderSeesCommitsButNotOpenTransactions() async throws {
    try await TemporaryDatabase.with { path in
      let writer = try await SQLiteBackend.writer(path: path)
      let reader = try await SQLiteBackend.reader(path: path)
      let sqliteReader = try #require(reader as? SQLiteReader)
      #expect(try await TemporaryDatabase.values(sqliteReader.connection, "PRAGMA journal_mode") == ["wal"])

      let seenInside = try await writer.transaction { transaction in
        try await transaction.insert(tasks: [Task(name: "pending commit")])
        // In WAL mode the reader neither waits for the writer nor sees its uncommitted rows.
        return try await reader.tasks(TaskQuery()).count
      }
      #expect(seenInside == 0)
      #expect(try await reader.tasks(TaskQuery()).map(\.task.name) == ["pending commit"])

      await reader.close()
      await writer.close()
    }
  }
}
