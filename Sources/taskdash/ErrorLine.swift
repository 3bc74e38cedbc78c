import Foundation
import TerminalUI

/// The one line a failed command prints on stderr.
enum ErrorLine {
  /// Writes "taskdash: MESSAGE" on stderr with the message's control characters, escape
  /// sequences and invisible characters shown as marks: server messages quote names taken from
  /// the command line and the database ("database "…" does not exist"), and those may carry
  /// escape sequences meant for the operator's terminal.
  static func write(_ message: String) {
    FileHandle.standardError.write(Data("taskdash: \(TerminalText.sanitize(message))\n".utf8))
  }
}
