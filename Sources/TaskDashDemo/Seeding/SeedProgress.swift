/// How far a seed has come, reported after every batch.
public struct SeedProgress: Hashable, Sendable {
  /// The table being written: `tasks`, `task_runs`, `metric_snapshots` or `artifacts`.
  public var table: String
  /// Rows written so far, all tables together.
  public var rowsWritten: Int
  /// Rows the seed will write in all.
  public var totalRows: Int
  /// Seconds since the seed started.
  public var elapsed: Double

  /// Creates a progress value.
  public init(table: String, rowsWritten: Int, totalRows: Int, elapsed: Double) {
    self.table = table
    self.rowsWritten = rowsWritten
    self.totalRows = totalRows
    self.elapsed = elapsed
  }

  /// Rows per second so far.
  public var rowsPerSecond: Double { elapsed > 0 ? Double(rowsWritten) / elapsed : 0 }

  /// The fraction done, 0...1.
  public var fraction: Double { totalRows > 0 ? min(Double(rowsWritten) / Double(totalRows), 1) : 1 }

  /// Seconds left at the rate so far, or nil before there is a rate.
  public var remainingSeconds: Double? {
    let rate = rowsPerSecond
    return rate > 0 ? Double(max(totalRows - rowsWritten, 0)) / rate : nil
  }
}
