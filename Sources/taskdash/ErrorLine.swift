import Foundation
import TaskDashStore
import TerminalUI

/// The one line a failed command prints on stderr.
enum ErrorLine {
  /// Writes `line(message)` on stderr.
  static func write(_ message: String) {
    FileHandle.standardError.write(Data(line(message).utf8))
  }

  /// "taskdash: MESSAGE" and a line feed, with the message's control characters, escape
  /// sequences and invisible characters shown as marks: server messages quote names taken from
  /// the command line and the database ("database "…" does not exist"), and those may carry
  /// escape sequences meant for the operator's terminal.
  static func line(_ message: String) -> String {
    "taskdash: \(TerminalText.sanitize(message))\n"
  }

  /// What a failed command says about `error`: its description, and for a store error with a
  /// remedy (a refused login) what to check, on the same line.
  static func message(for error: any Error) -> String {
    guard let error = error as? StoreError, let remedy = error.remedy else { return "\(error)" }
    return "\(error) — \(remedy)"
  }
}
