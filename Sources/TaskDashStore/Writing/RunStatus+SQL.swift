import TaskDashModel

extension RunStatus {
  /// The statuses that have finished (or have not), as an SQL list of literals such as
  /// `('pending', 'running')`: retention's statements on both backends take them from
  /// `isFinished` here rather than spelling them out.
  public static func sqlList(finished: Bool) -> String {
    "(" + allCases.filter { $0.isFinished == finished }.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
  }
}
