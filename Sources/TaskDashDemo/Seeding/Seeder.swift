import Foundation
import TaskDashModel
import TaskDashStore

/// Writes the demo set or a scale set through a `DashboardWriting` store, in one transaction.
///
/// The transaction takes the seeding lock, then checks inside it that the database is empty,
/// so two seeds started at once cannot both write. A failure, a cancelled task or a throwing
/// progress reporter rolls everything back.
public struct Seeder: Sendable {
  public let writer: any DashboardWriting
  public let catalog: SeedCatalog
  /// Rows per bulk insert of runs and metrics (COPY on PostgreSQL).
  public let batchSize: Int
  private let clock: @Sendable () -> Double

  /// A seeder; `clock` gives monotonic seconds for rates and timings.
  public init(
    writer: any DashboardWriting, catalog: SeedCatalog, batchSize: Int = 20_000,
    clock: @escaping @Sendable () -> Double = Seeder.monotonicSeconds
  ) {
    self.writer = writer
    self.catalog = catalog
    self.batchSize = max(batchSize, 1)
    self.clock = clock
  }

  /// Seconds from an arbitrary fixed origin, never going back.
  @Sendable public static func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }

  /// Seeds `content` generated from `randomSeed` as of `now`.
  ///
  /// Throws `SeedError.notEmpty` when the database holds rows and `policy` is `.refuse`,
  /// `SeedError.notMigrated` when the tables do not exist, `CancellationError` when the task is
  /// cancelled; in every case nothing is written.
  public func seed(
    _ content: SeedContent, randomSeed: UInt64, now: Date, policy: SeedConflictPolicy = .refuse,
    progress: (any SeedProgressReporting)? = nil
  ) async throws -> SeedSummary {
    let started = clock()
    // The demo set is small: generate it before the transaction so the lock is held briefly.
    let plan: Plan
    switch content {
    case .demo:
      plan = .demo(DemoGenerator(catalog: catalog).generate(seed: randomSeed, now: now))
    case .scale(let counts):
      try counts.validate()
      plan = .scale(ScaleGenerator(catalog: catalog, counts: counts, seed: randomSeed, now: now))
    }
    let batchSize = batchSize
    let clock = clock
    do {
      return try await writer.transaction { transaction in
        try await transaction.lockForSeeding()
        var reset = false
        if try await !transaction.isEmpty() {
          switch policy {
          case .refuse: throw SeedError.notEmpty
          case .append: break
          case .reset:
            try await transaction.deleteAll()
            reset = true
          }
        }
        var sink = Sink(
          transaction: transaction, totalRows: plan.totalRows, started: started, clock: clock, progress: progress)
        let executions: (total: Int, successful: Int)
        switch plan {
        case .demo(let data):
          executions = try await Self.write(data, to: &sink, batchSize: batchSize)
        case .scale(let generator):
          executions = try await Self.write(generator, to: &sink, batchSize: batchSize)
        }
        let rows = Dictionary(uniqueKeysWithValues: sink.tables.map { ($0.table, $0.rows) })
        return SeedSummary(
          randomSeed: randomSeed, tasks: rows["tasks"] ?? 0, runs: rows["task_runs"] ?? 0,
          metricSnapshots: rows["metric_snapshots"] ?? 0, artifacts: rows["artifacts"] ?? 0,
          totalExecutions: executions.total, successfulExecutions: executions.successful, reset: reset,
          elapsed: clock() - started, tables: sink.tables)
      }
    } catch  where SeedError.isMissingTable(error) {
      throw SeedError.notMigrated
    }
  }

  /// What the transaction writes.
  private enum Plan: Sendable {
    case demo(DemoDataSet)
    case scale(ScaleGenerator)

    var totalRows: Int {
      switch self {
      case .demo(let data): data.rowCount
      case .scale(let generator): generator.counts.total
      }
    }
  }

  private static func write(
    _ data: DemoDataSet, to sink: inout Sink, batchSize: Int
  ) async throws -> (total: Int, successful: Int) {
    try await sink.table("tasks") { try await $0.insert(tasks: data.tasks, count: data.tasks.count) }
    try await sink.table("task_runs") { sink in
      for start in stride(from: 0, to: data.runs.count, by: batchSize) {
        let batch = Array(data.runs[start..<min(start + batchSize, data.runs.count)])
        try await sink.insert(runs: batch)
      }
    }
    try await sink.table("metric_snapshots") { sink in
      for start in stride(from: 0, to: data.metrics.count, by: batchSize) {
        try await sink.insert(metrics: Array(data.metrics[start..<min(start + batchSize, data.metrics.count)]))
      }
    }
    try await sink.table("artifacts") { sink in
      var batch: [Artifact] = []
      var bytes = 0
      for artifact in data.artifacts {
        batch.append(artifact)
        bytes += artifact.content?.utf8.count ?? 0
        if batch.count >= 200 || bytes >= 4_000_000 {
          try await sink.insert(artifacts: batch)
          batch.removeAll()
          bytes = 0
        }
      }
      if !batch.isEmpty { try await sink.insert(artifacts: batch) }
    }
    return (data.runs.count, data.runs.filter { $0.status == .known(.completed) }.count)
  }

  private static func write(
    _ generator: ScaleGenerator, to sink: inout Sink, batchSize: Int
  ) async throws -> (total: Int, successful: Int) {
    let counts = generator.counts
    try await sink.table("tasks") { try await $0.insert(tasks: generator.tasks(), count: counts.tasks) }
    var successful = 0
    try await sink.table("task_runs") { sink in
      for start in stride(from: 0, to: counts.runs, by: batchSize) {
        let batch = generator.runs(start..<min(start + batchSize, counts.runs))
        successful += batch.count { $0.status == .known(.completed) }
        try await sink.insert(runs: batch)
      }
    }
    try await sink.table("metric_snapshots") { sink in
      var batches = generator.metricBatches(size: batchSize)
      while let batch = batches.next() {
        try await sink.insert(metrics: batch)
      }
    }
    try await sink.table("artifacts") { sink in
      // Artifacts carry kilobytes of content each: smaller batches keep memory flat.
      let artifactBatch = 200
      for start in stride(from: 0, to: counts.artifacts, by: artifactBatch) {
        try await sink.insert(artifacts: generator.artifacts(start..<min(start + artifactBatch, counts.artifacts)))
      }
    }
    return (counts.runs, successful)
  }

  /// Inserts batches, times each table, reports progress and honours cancellation.
  private struct Sink {
    let transaction: any WriteTransaction
    let totalRows: Int
    let started: Double
    let clock: @Sendable () -> Double
    let progress: (any SeedProgressReporting)?
    var tables: [SeedSummary.TableTiming] = []
    private var rowsWritten = 0
    private var currentTable = ""

    init(
      transaction: any WriteTransaction, totalRows: Int, started: Double, clock: @escaping @Sendable () -> Double,
      progress: (any SeedProgressReporting)?
    ) {
      self.transaction = transaction
      self.totalRows = totalRows
      self.started = started
      self.clock = clock
      self.progress = progress
    }

    /// Runs `body` as the writing of `table`, recording its rows and time.
    mutating func table(_ table: String, _ body: (inout Sink) async throws -> Void) async throws {
      currentTable = table
      let before = rowsWritten
      let start = clock()
      try await body(&self)
      tables.append(.init(table: table, rows: rowsWritten - before, seconds: clock() - start))
    }

    mutating func insert(tasks: [Task], count: Int) async throws {
      try await transaction.insert(tasks: tasks)
      try advance(count)
    }

    mutating func insert(runs: [TaskRun]) async throws {
      try await transaction.insert(runs: runs)
      try advance(runs.count)
    }

    mutating func insert(metrics: [MetricSnapshot]) async throws {
      try await transaction.insert(metrics: metrics)
      try advance(metrics.count)
    }

    mutating func insert(artifacts: [Artifact]) async throws {
      try await transaction.insert(artifacts: artifacts)
      try advance(artifacts.count)
    }

    /// Counts rows, reports, and stops when the task was cancelled (rolling back).
    private mutating func advance(_ rows: Int) throws {
      rowsWritten += rows
      try progress?.report(
        SeedProgress(table: currentTable, rowsWritten: rowsWritten, totalRows: totalRows, elapsed: clock() - started))
      try _Concurrency.Task.checkCancellation()
    }
  }
}
