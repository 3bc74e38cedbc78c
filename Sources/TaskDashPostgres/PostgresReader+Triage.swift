import Foundation
import TaskDashModel
import TaskDashStore

extension PostgresReader {
  func failureGroups(_ query: FailureGroupQuery, now: Date) async throws -> FailureGroups {
    let rows = try await rows(TriageStatements.groups(query, now: now))
    let groups = try rows.map { row in
      FailureGroup(
        pattern: row.optionalString(0) ?? "", count: try row.int(1), taskCount: try row.int(2),
        taskNames: (0..<FailureGroup.namedTasks).compactMap { row.optionalString(7 + $0) },
        firstSeen: try row.date(3), lastSeen: try row.date(4), example: row.optionalString(5) ?? "",
        exampleLength: try row.optionalInt(6) ?? 0)
    }
    let read = try rows.first?.int(7 + FailureGroup.namedTasks) ?? 0
    return FailureGroups(groups: groups, failures: read, cap: query.cap)
  }

  func failureRuns(_ query: FailureRunQuery, now: Date) async throws -> [RunRow] {
    try await rows(TriageStatements.runs(query, now: now)).map(Self.runRow)
  }
}
