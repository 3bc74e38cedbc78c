/// How the live simulator behaves.
public struct SimulationConfiguration: Hashable, Sendable {
  /// New runs started per second, on average.
  public var runsPerSecond: Double
  /// Seconds between ticks; each tick is one transaction.
  public var tickInterval: Double
  /// Runs that may be pending or running at once; no new run starts above it.
  public var maxActiveRuns: Int
  /// Real run durations are divided by this, so a 20-minute analysis finishes in a minute.
  public var timeScale: Double
  /// The seed of the simulator's random choices.
  public var randomSeed: UInt64

  /// Creates a configuration.
  public init(
    runsPerSecond: Double = 0.3, tickInterval: Double = 1, maxActiveRuns: Int = 24, timeScale: Double = 20,
    randomSeed: UInt64 = 1
  ) {
    self.runsPerSecond = runsPerSecond
    self.tickInterval = tickInterval
    self.maxActiveRuns = maxActiveRuns
    self.timeScale = timeScale
    self.randomSeed = randomSeed
  }
}
