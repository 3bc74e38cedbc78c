/// Decides, before anything is written, whether the interactive terminal can be used.
enum TerminalPreflight {
  /// What terminfo says about a terminal type.
  enum Verdict: Hashable {
    case usable, unknown, noDatabase, tooLimited
  }

  /// The first reason the terminal cannot be used, or nil when it can; `probe` looks the
  /// terminal type up in terminfo and is only called when everything else is fine.
  static func check(
    inputIsTerminal: Bool, outputIsTerminal: Bool, term: String?, probe: (String) -> Verdict
  ) -> TerminalUnavailable? {
    guard outputIsTerminal else { return .outputNotATerminal }
    guard inputIsTerminal else { return .inputNotATerminal }
    guard let term, !term.isEmpty else { return .terminalTypeUnset }
    switch probe(term) {
    case .usable: return nil
    case .unknown: return .unknownTerminalType(term)
    case .noDatabase: return .terminalDatabaseMissing
    case .tooLimited: return .terminalTypeTooLimited(term)
    }
  }
}
