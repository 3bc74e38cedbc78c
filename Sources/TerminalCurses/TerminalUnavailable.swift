/// Why the interactive terminal cannot be used; `description` is one line for the user.
public enum TerminalUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
  /// Standard output is a file or a pipe.
  case outputNotATerminal
  /// Standard input is a file, a pipe or /dev/null: reading keys would spin.
  case inputNotATerminal
  /// TERM is unset or empty.
  case terminalTypeUnset
  /// TERM names no terminfo entry.
  case unknownTerminalType(String)
  /// No terminfo database was found at all.
  case terminalDatabaseMissing
  /// TERM names a terminal that cannot position the cursor (`dumb`, a hardcopy terminal).
  case terminalTypeTooLimited(String)
  /// ncurses refused to start on this terminal.
  case startFailed(String)

  /// One line saying what is wrong.
  public var description: String {
    switch self {
    case .outputNotATerminal: "standard output is not a terminal"
    case .inputNotATerminal: "standard input is not a terminal"
    case .terminalTypeUnset: "TERM is not set"
    case .unknownTerminalType(let name): "unknown terminal type TERM=\(name) (no terminfo entry)"
    case .terminalDatabaseMissing: "no terminfo database found"
    case .terminalTypeTooLimited(let name): "terminal type TERM=\(name) cannot position the cursor"
    case .startFailed(let name): "ncurses could not start on terminal type TERM=\(name)"
    }
  }
}
