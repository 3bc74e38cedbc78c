/// Failure triage: the failed and timed-out runs of a window, grouped by error pattern.
///
/// Bounded at every step: only the newest `cap` failures of the window are read (through an
/// index on failures by creation time), folded and grouped, and at most `limit` groups return.
public struct FailureGroupQuery: Hashable, Sendable {
  /// The default cap on the failures one read considers.
  public static let defaultCap = 10_000
  /// The default length an example message is cut to.
  public static let defaultExampleLength = 2_000

  public var window: FailureWindow
  /// The most failures read, newest first.
  public var cap: Int
  /// The most groups returned.
  public var limit: Int
  /// Characters of each group's example message.
  public var exampleLength: Int

  /// Creates a query.
  public init(
    window: FailureWindow = .day, cap: Int = defaultCap, limit: Int = 100, exampleLength: Int = defaultExampleLength
  ) {
    self.window = window
    self.cap = cap
    self.limit = limit
    self.exampleLength = exampleLength
  }
}
