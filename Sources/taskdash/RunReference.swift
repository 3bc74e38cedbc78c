import Foundation
import TaskDashStore

/// A run as the operator names it on the command line: its id, or `TASK NAME#N`.
enum RunReference {
  /// What to say when `text` names no run.
  static func notFound(_ text: String) -> String {
    "no run \"\(text)\" (give a run id or TASK NAME#N)"
  }

  /// The id of the run `text` names, or nil: an id as is; otherwise the text after the last `#`
  /// is the run number and the text before it the task's name.
  static func resolve(_ text: String, reader: any DashboardReading) async throws -> UUID? {
    if let id = UUID(uuidString: text) { return id }
    guard let hash = text.lastIndex(of: "#"), let number = Int(text[text.index(after: hash)...]) else { return nil }
    return try await reader.runID(taskName: String(text[..<hash]), number: number)
  }
}
