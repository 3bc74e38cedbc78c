import ArgumentParser
import Foundation
import TaskDashDemo
import TaskDashModel
import TaskDashStore
import TaskDashViewModel

/// `taskdash simulate`: keeps a seeded database moving until Ctrl-C or `--duration`.
struct SimulateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Start, run and finish task runs live, so the dashboard has something to watch.",
    discussion: """
      Every tick is one short transaction: new runs start as pending, pending runs start running, \
      running runs get a metric point per metric and finish as completed, failed or timeout with a \
      log and a report. Ctrl-C stops between transactions.
      """)

  @OptionGroup var database: DatabaseOptions

  @Option(help: "New runs started per second, on average.")
  var rate = 0.3

  @Option(help: "How long to run (90, 90s, 5m, 2h); until Ctrl-C when not given.")
  var duration: TimeLength?

  @Option(help: "Seconds between ticks.")
  var tick = 1.0

  @Option(name: .customLong("random-seed"), help: "Seed of the simulator's random choices.")
  var randomSeed: UInt64?

  func validate() throws {
    if !(rate >= 0 && rate <= 1000) { throw ValidationError("--rate must be between 0 and 1000") }
    if !(tick >= 0.05 && tick <= 3600) { throw ValidationError("--tick must be between 0.05 and 3600 seconds") }
  }

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      let summary = try await Backends.withCheckedReader(target, writes: true) { reader in
        try await Backends.preparePartitions(target, since: Date())
        let writer = try await Backends.writer(target)
        return try await Backends.closing({ await writer.close() }) {
          let configuration = SimulationConfiguration(
            runsPerSecond: rate, tickInterval: tick,
            randomSeed: randomSeed ?? UInt64.random(in: 0...UInt64(UInt32.max)))
          let simulator = Simulator(
            writer: writer, reader: reader, catalog: try SeedCatalog.embedded(), configuration: configuration)
          let printer = TickPrinter(isTerminal: isatty(STDOUT_FILENO) == 1)
          let seconds = duration?.seconds
          return try await Backends.closing({ printer.finish() }) {
            try await InterruptScope.run {
              try await simulator.run(duration: seconds, onTick: { printer.print($0) })
            }
          }
        }
      }
      print(Self.render(summary))
    }
  }

  /// The closing line.
  static func render(_ summary: SimulationSummary) -> String {
    "simulated \(DisplayFormat.grouped(summary.ticks)) ticks: \(DisplayFormat.grouped(summary.started)) runs started, "
      + "\(summary.finished[.completed] ?? 0) completed, \(summary.finished[.failed] ?? 0) failed, "
      + "\(summary.finished[.timeout] ?? 0) timed out; \(DisplayFormat.grouped(summary.metrics)) metric snapshots, "
      + "\(DisplayFormat.grouped(summary.artifacts)) artifacts"
  }
}
