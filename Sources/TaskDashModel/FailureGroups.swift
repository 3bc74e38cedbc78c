/// What failure triage read: the largest groups of the failures in a window.
public struct FailureGroups: Hashable, Sendable {
  /// The groups, largest first (then the most recent, then by pattern).
  public var groups: [FailureGroup]
  /// How many failures were read: all of the window's, or the newest `cap` of them.
  public var failures: Int
  /// The most failures one read considers.
  public var cap: Int

  /// Creates a result.
  public init(groups: [FailureGroup], failures: Int, cap: Int) {
    self.groups = groups
    self.failures = failures
    self.cap = cap
  }

  /// Whether the window may hold more failures than were read (the cap was reached).
  public var isCapped: Bool { failures >= cap }
}
