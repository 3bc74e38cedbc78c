import Foundation

/// When a running run last showed a sign of life, and how long it may then stay quiet.
///
/// The rule: a running run whose newest metric snapshot (with none, its start; without a start,
/// its creation) is older than the larger of `minimumQuiet` and `quietFactor` times the median
/// interval between its snapshots is *silent*, since that newest time. The store reads the
/// newest time and the median; the comparison with a clock happens here, so a "silent 12m" on
/// screen goes on counting between polls.
public struct RunActivity: Hashable, Sendable {
  /// The shortest quiet spell that makes a run silent: 5 minutes, in seconds.
  public static let minimumQuiet: Double = 300
  /// How many median intervals a run may stay quiet.
  public static let quietFactor: Double = 3
  /// How many of a run's newest distinct snapshot times the median is taken over. Bounded, so
  /// that judging a run that has logged for days reads a few index entries, not all of them; a
  /// few dozen follow a change of pace quickly enough.
  public static let medianWindow = 32

  /// The newest snapshot's time, else the start time, else the creation time.
  public var lastSignAt: Date
  /// The median interval in seconds between the newest distinct snapshot times (the lower of
  /// the two middle ones for an even count); nil with fewer than two.
  public var medianInterval: Double?

  /// Creates an activity.
  public init(lastSignAt: Date, medianInterval: Double?) {
    self.lastSignAt = lastSignAt
    self.medianInterval = medianInterval
  }

  /// The quiet spell in seconds past which the run is silent.
  public var quietLimit: Double {
    max(Self.minimumQuiet, Self.quietFactor * (medianInterval ?? 0))
  }

  /// How long the run has been silent at `now` (the whole time since its last sign), or nil
  /// while it is not: a quiet spell of exactly the limit is not yet silence.
  public func silentSeconds(at now: Date) -> Double? {
    let quiet = now.timeIntervalSince(lastSignAt)
    return quiet > quietLimit ? quiet : nil
  }
}
