/// How many runs of a task have one status.
public struct StatusCount: Hashable, Sendable {
  /// The status as stored.
  public var status: Lenient<RunStatus>
  /// The number of runs.
  public var count: Int

  /// Creates a count.
  public init(status: Lenient<RunStatus>, count: Int) {
    self.status = status
    self.count = count
  }
}
