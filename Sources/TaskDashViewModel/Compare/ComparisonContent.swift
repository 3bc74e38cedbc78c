import Foundation
import TaskDashModel
import TaskDashStore

/// What a comparison's poll found.
public enum ComparisonContent: Hashable, Sendable {
  /// The older run and the newer.
  case compared(old: ComparedRun, new: ComparedRun)
  /// The run is the first of its task: nothing to compare it with.
  case noPrevious(RunRow)
  /// A run no longer exists.
  case missing

  /// Reads the comparison `query` names from `reader`.
  static func read(_ query: ComparisonQuery, from reader: any DashboardReading) async throws -> ComparisonContent {
    func side(_ page: RunPage) async throws -> ComparedRun {
      ComparedRun(
        page: page,
        metrics: try await reader.metricSummaries(
          runID: page.run.id, maxNames: query.maxMetrics, pointLimit: query.pointLimit))
    }
    func page(_ id: UUID) async throws -> RunPage? {
      try await reader.runPage(id: id, documentLimit: query.documentLimit)
    }
    switch query.subject {
    case .previous(let id):
      guard let newer = try await page(id) else { return .missing }
      guard let previous = newer.previousRunID, let older = try await page(previous) else {
        return .noPrevious(newer.run)
      }
      return .compared(old: try await side(older), new: try await side(newer))
    case .pair(let first, let second):
      guard var older = try await page(first), var newer = try await page(second) else { return .missing }
      // Runs of one task by number, of two tasks by when they were made.
      let (a, b) = (older.run, newer.run)
      let isNewerFirst =
        a.taskID == b.taskID
        ? a.runNumber > b.runNumber : (a.createdAt, a.id.uuidString) > (b.createdAt, b.id.uuidString)
      if isNewerFirst { swap(&older, &newer) }
      return .compared(old: try await side(older), new: try await side(newer))
    }
  }
}
