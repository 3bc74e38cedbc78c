import Foundation
import TaskDashModel

/// A run's fields as both snapshots print them in JSON: the list's run entries and a run's
/// page start with these keys.
struct RunFields: Encodable {
  var id: UUID
  var taskID: UUID
  var taskName: String
  var runNumber: Int
  var status: String
  var startedAt: Date?
  var completedAt: Date?
  var duration: Double?

  init(_ run: RunRow) {
    (id, taskID, taskName, runNumber, status) = (run.id, run.taskID, run.taskName, run.runNumber, run.status.rawValue)
    (startedAt, completedAt, duration) = (run.startedAt, run.completedAt, run.duration)
  }
}
