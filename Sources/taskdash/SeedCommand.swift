import ArgumentParser
import Foundation
import TaskDashDemo
import TaskDashStore
import TaskDashViewModel

/// `taskdash seed`: fills an empty, migrated database with the demo set or with scale data.
struct SeedCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "seed",
    abstract: "Fill a migrated, empty database with demo data (or with --tasks/--runs/... for volume).",
    discussion: """
      Everything is written in one transaction, after checking under a lock that the database is \
      empty: an interrupted seed leaves nothing behind. A non-empty database is refused unless \
      --force (add beside the existing rows) or --reset (replace them) is given. Without counts the \
      demo set is written: 8 tasks with their runs, metrics and artifacts, timed relative to now.
      """)

  @OptionGroup var database: DatabaseOptions

  @Option(name: .customLong("random-seed"), help: "Seed of the data generator; the same seed gives the same data.")
  var randomSeed: UInt64?

  @Flag(help: "Add the data to a database that already holds rows.")
  var force = false

  @Flag(help: "Delete every row first, in the same transaction.")
  var reset = false

  @Option(help: "Scale mode: number of tasks.")
  var tasks: Int?

  @Option(help: "Scale mode: number of task runs.")
  var runs: Int?

  @Option(help: "Scale mode: number of metric snapshots.")
  var metrics: Int?

  @Option(help: "Scale mode: number of artifacts.")
  var artifacts: Int?

  @Option(name: .customLong("batch-size"), help: "Rows per bulk insert of runs and metrics.")
  var batchSize = 20_000

  func validate() throws {
    if force && reset { throw ValidationError("--force and --reset exclude each other") }
    if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    if let counts = scaleCounts {
      do {
        try counts.validate()
      } catch let error as SeedError {
        throw ValidationError(error.description)
      }
    }
  }

  /// The scale counts when any count was given; missing ones are 0.
  private var scaleCounts: ScaleCounts? {
    guard tasks != nil || runs != nil || metrics != nil || artifacts != nil else { return nil }
    return ScaleCounts(tasks: tasks ?? 0, runs: runs ?? 0, metrics: metrics ?? 0, artifacts: artifacts ?? 0)
  }

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      try await Self.requireMigrated(target)
      let content: SeedContent = scaleCounts.map(SeedContent.scale) ?? .demo
      let seed = randomSeed ?? UInt64.random(in: 0...UInt64(UInt32.max))
      let policy: SeedConflictPolicy = reset ? .reset : force ? .append : .refuse
      let catalog = try SeedCatalog.embedded()
      let now = Date()
      // The seed's history starts historyDays (and an hour) before now.
      try await Backends.preparePartitions(target, since: now.addingTimeInterval(-(catalog.historyDays + 1) * 86_400))
      let batchSize = batchSize
      let writer = try await Backends.writer(target)
      let bar = ProgressBar()
      let summary: SeedSummary
      do {
        summary = try await InterruptScope.run {
          try await Seeder(writer: writer, catalog: catalog, batchSize: batchSize)
            .seed(content, randomSeed: seed, now: now, policy: policy, progress: bar)
        }
        bar.finish()
        await writer.close()
      } catch is CancellationError {
        bar.finish()
        await writer.close()
        ErrorLine.write("seeding interrupted; nothing was written")
        throw ExitCode(130)
      } catch {
        bar.finish()
        await writer.close()
        throw error
      }
      print(Self.render(summary, target: target))
    }
  }

  /// Refuses a database whose schema is missing or behind, before anything is written.
  private static func requireMigrated(_ target: DatabaseTarget) async throws {
    let status = try await Backends.withMigrator(target) { try await $0.status() }
    if case .foreign = status.verdict, let advice = status.advice(for: "\(target)") {
      throw StoreError.schema(advice)
    }
    if status.currentVersion == nil || !status.pending.isEmpty {
      throw SeedError.notMigrated
    }
    if let advice = status.advice(for: "\(target)") { throw StoreError.schema(advice) }
  }

  /// The summary printed after a seed.
  static func render(_ summary: SeedSummary, target: DatabaseTarget) -> String {
    var lines = [
      "Seeded \(target) (random seed \(summary.randomSeed))" + (summary.reset ? ", after deleting every row" : "")
    ]
    func row(_ label: String, _ value: String) {
      lines.append("  " + label.padding(toLength: 24, withPad: " ", startingAt: 0) + value)
    }
    row("Tasks created:", DisplayFormat.grouped(summary.tasks))
    row("Task runs created:", DisplayFormat.grouped(summary.runs))
    row("Metric snapshots:", DisplayFormat.grouped(summary.metricSnapshots))
    row("Artifacts created:", DisplayFormat.grouped(summary.artifacts))
    row("Total executions:", DisplayFormat.grouped(summary.totalExecutions))
    row("Successful executions:", DisplayFormat.grouped(summary.successfulExecutions))
    row("Overall success rate:", summary.successRate.map { DisplayFormat.decimal($0 * 100, 1) + "%" } ?? "n/a")
    row(
      "Elapsed:",
      DisplayFormat.decimal(summary.elapsed, 2) + " s (" + DisplayFormat.grouped(Int(summary.rowsPerSecond))
        + " rows/s)")
    for table in summary.tables {
      row(
        table.table + ":",
        DisplayFormat.grouped(table.rows) + " rows in " + DisplayFormat.decimal(table.seconds, 2) + " s ("
          + DisplayFormat.grouped(Int(table.rowsPerSecond)) + " rows/s)")
    }
    return lines.joined(separator: "\n")
  }
}
