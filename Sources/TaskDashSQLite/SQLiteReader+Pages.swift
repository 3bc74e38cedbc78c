import Foundation
import TaskDashModel
import TaskDashStore

extension SQLiteReader {
  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    let limit = Int64(max(1, documentLimit))
    let found: RunPage? = try await connection.perform { database in
      try database.readTransaction {
        try database.prepared(SQLitePageSQL.run) { statement in
          try statement.bind(
            named: SQLiteSilenceSQL.windowParameter.merging([":id": ids.value(id), ":limit": .integer(limit)]) { $1 })
          guard try statement.step() else { return nil }
          func head(_ column: Int32) -> DocumentHead? {
            guard let count = statement.int64(column + 1) else { return nil }
            return DocumentHead(text: statement.text(column) ?? "", byteCount: count)
          }
          let message = head(10)
          let run = RunRow(
            id: statement.uuid(0) ?? Self.placeholderID, taskID: statement.uuid(1) ?? Self.placeholderID,
            taskName: statement.text(2) ?? "", runNumber: statement.int(3) ?? 0,
            status: Lenient(rawValue: statement.text(4) ?? ""), startedAt: statement.date(5),
            completedAt: statement.date(6), duration: statement.double(7), errorMessage: message?.text,
            createdAt: statement.date(8) ?? Self.placeholderDate, activity: Self.activity(statement, at: 20))
          return RunPage(
            run: run, updatedAt: statement.date(9) ?? Self.placeholderDate, errorMessage: message,
            errorDetails: head(12), plan: head(14), results: head(16), metrics: [], artifacts: [],
            previousRunID: statement.uuid(18), nextRunID: statement.uuid(19))
        }
      }
    }
    guard var page = found else { return nil }
    page.metrics = try await metrics(MetricQuery(scope: .run(id), points: 1))
    page.artifacts = try await artifacts(ArtifactQuery(scope: .run(id)))
    return page
  }

  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    let runs = Int64(max(1, durationRuns))
    return try await connection.perform { database in
      try database.readTransaction {
        let found = try database.prepared(SQLitePageSQL.task) { statement in
          try statement.bind(named: SQLiteSilenceSQL.parameters.merging([":id": ids.value(id)]) { $1 })
          guard try statement.step() else { return (TaskRow, UUID?, UUID?)?.none }
          return (Self.taskRow(statement), statement.uuid(15), statement.uuid(16))
        }
        guard let (task, previous, next) = found else { return nil }
        let counts = try database.prepared(SQLitePageSQL.statusCounts) { statement in
          try statement.bind(named: [":task": ids.value(id)])
          var counts: [StatusCount] = []
          while try statement.step() {
            counts.append(StatusCount(status: Lenient(rawValue: statement.text(0) ?? ""), count: statement.int(1) ?? 0))
          }
          return counts
        }
        let durations = try database.prepared(SQLitePageSQL.durations) { statement in
          try statement.bind(named: [":task": ids.value(id), ":runs": .integer(runs)])
          guard try statement.step(), let count = statement.int(0), count > 0 else { return DurationStats?.none }
          return DurationStats(
            count: count, p50: statement.double(1) ?? 0, p95: statement.double(2) ?? 0, max: statement.double(3) ?? 0)
        }
        let failure = try database.prepared(SQLitePageSQL.latestFailure) { statement in
          try statement.bind(named: [":task": ids.value(id)])
          return try statement.step() ? Self.runRow(statement) : nil
        }
        return TaskPage(
          task: task, runsByStatus: counts, durations: durations, latestFailure: failure, previousTaskID: previous,
          nextTaskID: next)
      }
    }
  }

  func taskID(named name: String) async throws -> UUID? {
    try await connection.perform { database in
      try database.prepared(SQLitePageSQL.taskID) { statement in
        try statement.bind(named: [":name": .text(name)])
        return try statement.step() ? statement.uuid(0) : nil
      }
    }
  }

  func runID(taskName: String, number: Int) async throws -> UUID? {
    try await connection.perform { database in
      try database.prepared(SQLitePageSQL.runID) { statement in
        try statement.bind(named: [":name": .text(taskName), ":number": .integer(Int64(number))])
        return try statement.step() ? statement.uuid(0) : nil
      }
    }
  }
}
