import Foundation
import TaskDashModel
import TaskDashStore

extension PostgresReader {
  func metricSummaries(runID: UUID, maxNames: Int, pointLimit: Int) async throws -> [MetricSummary] {
    let statement = CompareStatements.metricSummaries(runID: runID, maxNames: maxNames, pointLimit: pointLimit)
    let numbered = try await rows(statement).map { row in
      (
        ordinal: try row.int(0),
        summary: MetricSummary(
          name: try row.string(1), metricType: Lenient(rawValue: try row.string(2)), unit: row.optionalString(3),
          last: try row.double(4), lastAt: try row.date(5), min: try row.double(6), max: try row.double(7),
          points: try row.int(8))
      )
    }
    return numbered.sorted { $0.ordinal < $1.ordinal }.map(\.summary)
  }
}
