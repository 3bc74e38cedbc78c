import Foundation

/// The time source of the polling layer: wall time for stamps, and a way to wait.
///
/// Injected so that tests move time by hand (`ManualClock`) instead of sleeping.
public protocol PollClock: Sendable {
  /// The current wall time; loaded data is stamped with it.
  var now: Date { get }
  /// Suspends until `now` has reached `deadline`; throws `CancellationError` when cancelled.
  func sleep(until deadline: Date) async throws
}
