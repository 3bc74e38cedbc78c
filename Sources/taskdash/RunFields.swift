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
  /// Whether the run is silent at the snapshot's time (see `RunActivity`).
  var silent: Bool
  /// How long it has been silent, in seconds; null when it is not.
  var silentSeconds: Double?

  /// The run's fields, its silence judged at `now`.
  init(_ run: RunRow, at now: Date) {
    (id, taskID, taskName, runNumber, status) = (run.id, run.taskID, run.taskName, run.runNumber, run.status.rawValue)
    (startedAt, completedAt, duration) = (run.startedAt, run.completedAt, run.duration)
    silentSeconds = run.silentSeconds(at: now)
    silent = silentSeconds != nil
  }

  private enum CodingKeys: String, CodingKey {
    case id, taskID, taskName, runNumber, status, startedAt, completedAt, duration, silent
    // The issue that asked for silence names the key this way; scripts match on it.
    case silentSeconds = "silent_seconds"
  }

  /// As synthesized, except that `silent_seconds` is written as null rather than left out, so
  /// a script can tell "not silent" from an older binary's output.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(taskID, forKey: .taskID)
    try container.encode(taskName, forKey: .taskName)
    try container.encode(runNumber, forKey: .runNumber)
    try container.encode(status, forKey: .status)
    try container.encodeIfPresent(startedAt, forKey: .startedAt)
    try container.encodeIfPresent(completedAt, forKey: .completedAt)
    try container.encodeIfPresent(duration, forKey: .duration)
    try container.encode(silent, forKey: .silent)
    try container.encode(silentSeconds, forKey: .silentSeconds)
  }
}
