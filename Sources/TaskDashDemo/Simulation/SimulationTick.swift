import Foundation
import TaskDashModel

/// What one tick of the simulator wrote, in one committed transaction.
public struct SimulationTick: Hashable, Sendable {
  /// 1 for the first tick.
  public var number: Int
  /// The simulated time of the tick.
  public var at: Date
  /// Run status changes, in the order they were written.
  public var events: [SimulationEvent]
  /// Metric snapshots appended.
  public var metrics: Int
  /// Artifacts written for finished runs.
  public var artifacts: Int
  /// Runs pending or running after the tick.
  public var activeRuns: Int

  /// Creates a tick summary.
  public init(number: Int, at: Date, events: [SimulationEvent], metrics: Int, artifacts: Int, activeRuns: Int) {
    self.number = number
    self.at = at
    self.events = events
    self.metrics = metrics
    self.artifacts = artifacts
    self.activeRuns = activeRuns
  }

  /// How many events of the tick ended in or moved to `status`.
  public func count(_ status: RunStatus) -> Int {
    events.count { $0.status == status }
  }
}
