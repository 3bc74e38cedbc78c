import TaskDashModel

extension RunStatus {
  /// The statuses that have finished (or have not), as an SQL list of literals such as
  /// `('pending', 'running')`: retention's statements on both backends take them from
  /// `isFinished` here rather than spelling them out.
  public static func sqlList(finished: Bool) -> String {
    sqlList { $0.isFinished == finished }
  }

  /// The statuses `keep` accepts, as an SQL list of literals such as `('failed', 'timeout')`.
  public static func sqlList(_ keep: (RunStatus) -> Bool) -> String {
    "(" + allCases.filter(keep).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
  }
}
