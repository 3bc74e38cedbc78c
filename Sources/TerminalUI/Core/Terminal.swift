/// A terminal the run loop draws on and reads from.
///
/// Only the thin backend (ncurses, or the in-memory `TestTerminal`) implements this: widgets
/// draw into a `Buffer`, and `present` sends the cells that changed since the last frame.
@MainActor
public protocol Terminal: AnyObject {
  /// The current size in cells.
  var size: Size { get }
  /// Shows `buffer`, writing only what differs from the previous frame.
  func present(_ buffer: Buffer)
  /// Waits at most `timeoutMilliseconds` for input or a resize; nil when nothing happened.
  func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
  /// Gives the terminal back in the state it was found (idempotent).
  func restore()
  /// Rings the bell and, where the terminal is known to show them, raises a desktop
  /// notification with `message`.
  ///
  /// `message` must already be sanitized (`TerminalText.sanitize`); the terminal also refuses
  /// to put any control character inside its escape sequence.
  func notify(_ message: String)
  /// A function any thread may call to end the current `nextEvent` wait early (news for the
  /// loop arrived), or nil when the terminal cannot be woken and the loop waits out its timeout.
  func makeWaker() -> (@Sendable () -> Void)?
}

extension Terminal {
  /// No waker: the loop sees news at its next timeout.
  public func makeWaker() -> (@Sendable () -> Void)? { nil }
}
