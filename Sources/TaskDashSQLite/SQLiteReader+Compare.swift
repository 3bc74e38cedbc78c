import Foundation
import TaskDashModel
import TaskDashStore

extension SQLiteReader {
  func metricSummaries(runID: UUID, maxNames: Int, pointLimit: Int) async throws -> [MetricSummary] {
    let (limit, points) = (Int64(max(0, maxNames)), Int64(max(1, pointLimit)))
    return try await connection.perform { database in
      try database.readTransaction {
        let names = try database.prepared(SQLiteReaderSQL.metricNames(.run)) { statement in
          try statement.bind(named: [":scope": ids.value(runID), ":limit": .integer(limit)])
          var names: [String] = []
          while try statement.step() { names.append(statement.text(0) ?? "") }
          return names
        }
        return try names.compactMap { name in
          try database.prepared(SQLiteCompareSQL.metricSummary) { statement in
            try statement.bind(named: [":scope": ids.value(runID), ":name": .text(name), ":points": .integer(points)])
            guard try statement.step() else { return nil }
            return MetricSummary(
              name: name, metricType: Lenient(rawValue: statement.text(0) ?? ""), unit: statement.text(1),
              last: statement.double(2) ?? .nan, lastAt: statement.date(3) ?? Self.placeholderDate,
              min: statement.double(4) ?? .nan, max: statement.double(5) ?? .nan, points: statement.int(6) ?? 0)
          }
        }
      }
    }
  }
}
