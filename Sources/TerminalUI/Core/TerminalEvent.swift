/// What a terminal delivers to the run loop.
public enum TerminalEvent: Hashable, Sendable {
  case key(KeyEvent)
  /// The terminal changed size; the new size is given.
  case resize(Size)
}
