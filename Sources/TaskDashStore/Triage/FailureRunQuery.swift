/// A keyset page of the runs of one failure group, newest first: among the newest `cap`
/// failures of the window (the failures the groups were made from), those whose message folds
/// to `pattern`.
public struct FailureRunQuery: Hashable, Sendable {
  public var window: FailureWindow
  /// The group's pattern, as `ErrorPattern.fold` gives it.
  public var pattern: String
  /// The most failures read, newest first; the groups' cap.
  public var cap: Int
  /// Continue after this run; nil starts at the newest.
  public var after: PageCursor?
  public var limit: Int
  /// Characters of each run's error message.
  public var messageLength: Int

  /// Creates a query.
  public init(
    window: FailureWindow, pattern: String, cap: Int = FailureGroupQuery.defaultCap, after: PageCursor? = nil,
    limit: Int = 100, messageLength: Int = FailureGroupQuery.defaultExampleLength
  ) {
    self.window = window
    self.pattern = pattern
    self.cap = cap
    self.after = after
    self.limit = limit
    self.messageLength = messageLength
  }
}
