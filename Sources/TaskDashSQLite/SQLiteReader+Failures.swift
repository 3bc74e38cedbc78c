import TaskDashModel
import TaskDashStore

extension SQLiteReader {
  func recentFailures(_ query: FailureWatchQuery) async throws -> [RunRow] {
    let sql = SQLiteReaderSQL.recentFailures(byTask: query.taskID != nil, indexed: origin == .taskdash)
    var values: [String: SQLiteValue] = [
      ":since": .date(query.since), ":limit": .integer(Int64(max(0, query.limit))),
    ]
    if let taskID = query.taskID { values[":task"] = ids.value(taskID) }
    return try await rows(sql, values, Self.runRow)
  }
}
