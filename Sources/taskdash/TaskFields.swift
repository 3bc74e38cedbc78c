import Foundation
import TaskDashModel

/// A task's fields as both snapshots print them in JSON: the list's task entries and a
/// task's page start with these keys.
struct TaskFields: Encodable {
  var id: UUID
  var name: String
  var status: String
  var totalRuns: Int
  var successfulRuns: Int
  var failedRuns: Int
  var successRate: Double?
  var runningNow: Int
  /// Of the running runs, those that are silent.
  var silentNow: Int
  var lastRunAt: Date?

  init(_ row: TaskRow) {
    let task = row.task
    (id, name, status) = (row.id, task.name, task.status.rawValue)
    (totalRuns, successfulRuns, failedRuns) = (task.totalRuns, task.successfulRuns, task.failedRuns)
    (successRate, runningNow, silentNow, lastRunAt) = (task.successRate, row.runningNow, row.silentNow, row.lastRunAt)
  }
}
