/// Why the simulator cannot start.
public enum SimulationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// There is no task to start runs for.
  case noTasks

  public var description: String {
    switch self {
    case .noTasks: "the database has no tasks to simulate; run taskdash seed first"
    }
  }
}
