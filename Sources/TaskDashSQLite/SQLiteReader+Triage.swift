import Foundation
import TaskDashModel
import TaskDashStore

extension SQLiteReader {
  func failureGroups(_ query: FailureGroupQuery, now: Date) async throws -> FailureGroups {
    let since = query.window.start(at: now)
    var values: [String: SQLiteValue] = [
      ":cap": .integer(Int64(max(0, query.cap))), ":limit": .integer(Int64(max(0, query.limit))),
      ":example": .integer(Int64(max(1, query.exampleLength))),
    ]
    if let since { values[":since"] = .date(since) }
    let parameters = values
    let sql = SQLiteTriageSQL.groups(since: since != nil)
    let (groups, read) = try await connection.perform { database in
      try database.prepared(sql) { statement in
        try statement.bind(named: parameters)
        var groups: [FailureGroup] = []
        var read = 0
        while try statement.step() {
          read = statement.int(7 + Int32(FailureGroup.namedTasks)) ?? 0
          groups.append(
            FailureGroup(
              pattern: statement.text(0) ?? "", count: statement.int(1) ?? 0, taskCount: statement.int(2) ?? 0,
              taskNames: (0..<Int32(FailureGroup.namedTasks)).compactMap { statement.text(7 + $0) },
              firstSeen: statement.date(3) ?? Self.placeholderDate, lastSeen: statement.date(4) ?? Self.placeholderDate,
              example: statement.text(5) ?? "", exampleLength: statement.int(6) ?? 0))
        }
        return (groups, read)
      }
    }
    return FailureGroups(groups: groups, failures: read, cap: query.cap)
  }

  func failureRuns(_ query: FailureRunQuery, now: Date) async throws -> [RunRow] {
    let since = query.window.start(at: now)
    var values: [String: SQLiteValue] = [
      ":cap": .integer(Int64(max(0, query.cap))), ":pattern": .text(query.pattern),
      ":length": .integer(Int64(max(1, query.messageLength))), ":limit": .integer(Int64(max(0, query.limit))),
    ]
    if let since { values[":since"] = .date(since) }
    if let after = query.after {
      values[":after_created"] = .date(after.createdAt)
      values[":after_id"] = ids.value(after.id)
    }
    return try await rows(SQLiteTriageSQL.runs(since: since != nil, paged: query.after != nil), values, Self.runRow)
  }
}
