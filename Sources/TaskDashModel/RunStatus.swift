/// The lifecycle state of one task run (the `task_runs.status` column).
public enum RunStatus: String, CaseIterable, Hashable, Sendable, Codable {
  case pending, running, completed, failed, cancelled, timeout

  /// Whether a run in this state has finished and will not change again.
  public var isFinished: Bool {
    switch self {
    case .pending, .running: false
    case .completed, .failed, .cancelled, .timeout: true
    }
  }

  /// Whether the run counts as a failure in the task's `failed_runs` counter.
  public var countsAsFailure: Bool { self == .failed || self == .timeout }
}
