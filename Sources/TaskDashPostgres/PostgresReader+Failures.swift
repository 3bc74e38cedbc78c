import TaskDashModel
import TaskDashStore

extension PostgresReader {
  func recentFailures(_ query: FailureWatchQuery) async throws -> [RunRow] {
    try await rows(ReadStatements.recentFailures(query)).map(Self.runRow)
  }
}
