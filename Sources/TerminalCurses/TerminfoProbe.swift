import CNCurses

/// A terminfo lookup of a terminal type, made without writing to the terminal.
struct TerminfoProbe {
  /// Whether the type can run the dashboard.
  var verdict: TerminalPreflight.Verdict
  /// What to write to leave curses mode on this terminal (empty unless usable).
  var leaveBytes: [UInt8]

  /// Looks `term` up with `setupterm` against `descriptor`, then forgets it again.
  static func run(term: String, descriptor: Int32) -> TerminfoProbe {
    var caps = taskdash_probe_caps()
    let status = taskdash_probe_terminal(term, descriptor, &caps)
    switch Int(status) {
    case TASKDASH_PROBE_USABLE:
      let bytes = LeaveSequence.bytes(
        sgr0: string(caps.sgr0), cnorm: string(caps.cnorm), rmkx: string(caps.rmkx),
        rmcup: string(caps.rmcup))
      return TerminfoProbe(verdict: .usable, leaveBytes: bytes)
    case TASKDASH_PROBE_NO_DATABASE:
      return TerminfoProbe(verdict: .noDatabase, leaveBytes: [])
    case TASKDASH_PROBE_INCAPABLE:
      return TerminfoProbe(verdict: .tooLimited, leaveBytes: [])
    default:
      return TerminfoProbe(verdict: .unknown, leaveBytes: [])
    }
  }

  private static func string<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
  }
}
