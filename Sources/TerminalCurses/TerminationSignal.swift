/// A signal that asked the program to end: the run loop stops, restores the terminal and
/// exits with `exitStatus`.
public enum TerminationSignal: Int32, Hashable, Sendable, CaseIterable {
  /// SIGHUP: the terminal went away.
  case hangup = 1
  /// SIGINT: Ctrl-C.
  case interrupt = 2
  /// SIGQUIT: Ctrl-\.
  case quit = 3
  /// SIGTERM: a polite kill.
  case terminate = 15

  /// The status a shell reports for a process ended by this signal: 128 plus its number.
  public var exitStatus: Int32 { 128 + rawValue }
}
