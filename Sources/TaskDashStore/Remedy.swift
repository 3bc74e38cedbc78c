/// What the operator can do about a failure: an action, and where to look when there is room.
///
/// Shown after the error in the dashboard's banner and in the one line a command prints, so a
/// refused login says what to fix instead of only what went wrong. Each backend words its own
/// remedies, since only it can read its failures: libpq's messages, SQLite's result codes.
public struct Remedy: Hashable, Sendable, CustomStringConvertible {
  /// The fix in a few words ("check the password"); shown alone when space is short.
  public var action: String
  /// Where to make the fix ("URL, PGPASSWORD, ~/.pgpass"), when that helps.
  public var detail: String?

  /// Creates a remedy.
  public init(action: String, detail: String? = nil) {
    self.action = action
    self.detail = detail
  }

  /// The action with its detail in parentheses.
  public var description: String {
    detail.map { "\(action) (\($0))" } ?? action
  }
}
