import Foundation
import TaskDashModel
import TaskDashStore

/// A task and its failed run whose texts carry terminal controls, as another program writing
/// to the database could leave them.
struct HostileRun {
  /// Would turn the rest of the line red.
  static let taskName = "evil\u{1B}[31m"
  /// Would clear the screen, retitle the window (ESC and BEL), start a CSI with the single C1
  /// byte and reverse the text after it.
  static let errorMessage = "boom\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31m\u{202E}reversed"

  /// The run's id.
  let id: UUID
  /// The run as `--run` names it: TASK NAME#N.
  let reference: String

  /// Writes the task and the run.
  static func write(to database: ScratchDatabase) async throws -> HostileRun {
    let task = Task(name: taskName, status: .known(.failed))
    let run = TaskRun(
      taskID: task.id, status: .known(.failed), startedAt: Date(), completedAt: Date(), duration: 1.5,
      errorMessage: errorMessage, errorDetails: try details())
    var number = 0
    try await database.write { writer in
      number = try await writer.transaction { transaction in
        try await transaction.insert(tasks: [task])
        return try await transaction.insert(run: run)
      }
    }
    return HostileRun(id: run.id, reference: "\(taskName)#\(number)")
  }

  /// The error details: valid JSON (the schema checks it) whose string escapes decode to the
  /// same controls when the page pretty-prints it.
  private static func details() throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: ["trace": errorMessage]), as: UTF8.self)
  }

  /// Whether `text` holds none of the controls the hostile values carry.
  static func isClean(_ text: String) -> Bool {
    !text.unicodeScalars.contains { [0x07, 0x1B, 0x9B, 0x202E].contains($0.value) }
  }
}
