import TaskDashModel

/// Totals over a whole simulation.
public struct SimulationSummary: Hashable, Sendable {
  public var ticks: Int = 0
  /// Runs created.
  public var started: Int = 0
  /// Runs that ended, by final status.
  public var finished: [RunStatus: Int] = [:]
  public var metrics: Int = 0
  public var artifacts: Int = 0

  /// An empty summary.
  public init() {}

  /// Adds one tick's writes.
  public mutating func add(_ tick: SimulationTick) {
    ticks += 1
    started += tick.count(.pending)
    for event in tick.events where event.status.isFinished {
      finished[event.status, default: 0] += 1
    }
    metrics += tick.metrics
    artifacts += tick.artifacts
  }
}
