/// What a seed wrote and how fast.
public struct SeedSummary: Hashable, Sendable {
  /// Rows and time spent on one table.
  public struct TableTiming: Hashable, Sendable {
    /// The table name.
    public var table: String
    public var rows: Int
    /// Seconds spent generating and inserting this table's rows.
    public var seconds: Double

    /// Creates a timing.
    public init(table: String, rows: Int, seconds: Double) {
      self.table = table
      self.rows = rows
      self.seconds = seconds
    }

    /// Rows per second for this table.
    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
  }

  /// The seed of the generator; passing it again gives the same data.
  public var randomSeed: UInt64
  public var tasks: Int
  public var runs: Int
  public var metricSnapshots: Int
  public var artifacts: Int
  /// Runs of the seeded tasks, whatever their status.
  public var totalExecutions: Int
  /// Seeded runs that completed.
  public var successfulExecutions: Int
  /// Whether existing rows were deleted first.
  public var reset: Bool
  /// Seconds from the start of the transaction to its commit.
  public var elapsed: Double
  /// Per-table rows and seconds, in the order written.
  public var tables: [TableTiming]

  /// Creates a summary.
  public init(
    randomSeed: UInt64, tasks: Int, runs: Int, metricSnapshots: Int, artifacts: Int, totalExecutions: Int,
    successfulExecutions: Int, reset: Bool, elapsed: Double, tables: [TableTiming]
  ) {
    self.randomSeed = randomSeed
    self.tasks = tasks
    self.runs = runs
    self.metricSnapshots = metricSnapshots
    self.artifacts = artifacts
    self.totalExecutions = totalExecutions
    self.successfulExecutions = successfulExecutions
    self.reset = reset
    self.elapsed = elapsed
    self.tables = tables
  }

  /// All rows written.
  public var rows: Int { tasks + runs + metricSnapshots + artifacts }

  /// Successful executions as a fraction of all, or nil without runs.
  public var successRate: Double? {
    totalExecutions > 0 ? Double(successfulExecutions) / Double(totalExecutions) : nil
  }

  /// Rows per second over the whole seed.
  public var rowsPerSecond: Double { elapsed > 0 ? Double(rows) / elapsed : 0 }
}
