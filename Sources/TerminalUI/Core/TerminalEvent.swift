/// What a terminal delivers to the run loop.
public enum TerminalEvent: Hashable, Sendable {
  case key(KeyEvent)
  /// The terminal changed size; the new size is given.
  case resize(Size)
  /// A click or a turn of the wheel (only when mouse reporting is on).
  case mouse(MouseEvent)
}
