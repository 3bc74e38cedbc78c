/// Row counts for a scale seed: synthetic volume from the demo set's generators.
public struct ScaleCounts: Hashable, Sendable {
  public var tasks: Int
  public var runs: Int
  public var metrics: Int
  public var artifacts: Int

  /// Creates counts.
  public init(tasks: Int, runs: Int, metrics: Int, artifacts: Int) {
    self.tasks = tasks
    self.runs = runs
    self.metrics = metrics
    self.artifacts = artifacts
  }

  /// The total number of rows.
  public var total: Int { tasks + runs + metrics + artifacts }

  /// Throws `SeedError.invalidCounts` unless the counts can be generated.
  public func validate() throws {
    if [tasks, runs, metrics, artifacts].contains(where: { $0 < 0 }) {
      throw SeedError.invalidCounts("counts cannot be negative")
    }
    if tasks == 0 {
      throw SeedError.invalidCounts("--tasks must be at least 1")
    }
    if runs == 0 && (metrics > 0 || artifacts > 0) {
      throw SeedError.invalidCounts("metrics and artifacts belong to runs: give --runs as well")
    }
    // Run numbers are per task; keep them inside a 32-bit integer column.
    if runs / tasks >= Int(Int32.max) {
      throw SeedError.invalidCounts("too many runs per task")
    }
  }
}
