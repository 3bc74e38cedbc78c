import ArgumentParser
import Foundation
import TaskDashDemo
import TaskDashStore
import TaskDashUI
import TaskDashViewModel

/// `taskdash demo`: migrate, seed when empty, simulate in the background, open the dashboard.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Try taskdash: migrate, seed demo data if empty, simulate live activity and open the dashboard.",
    discussion: """
      Uses the embedded SQLite file unless --database-url is given; the TASKDASH_DATABASE_URL and \
      DATABASE_URL variables are deliberately not read, so a demo never writes into a database it \
      was not pointed at. Quitting stops the simulator between two transactions.
      """)

  @Option(name: .customLong("database-url"), help: "A PostgreSQL URL or SQLite path instead of the embedded file.")
  var databaseURL: String?
  @OptionGroup var refresh: IntervalOption
  @OptionGroup var alerts: AlertOption
  @OptionGroup var look: ThemeOption
  @OptionGroup var pointer: MouseOption
  @Option(help: "New runs the simulator starts per second, on average.") var rate = 0.3

  func run() async throws {
    try await reportingFailures {
      let environment = ProcessInfo.processInfo.environment
      let target =
        try databaseURL.map(DatabaseTarget.parse)
        ?? .sqlite(path: DatabaseTarget.defaultSQLitePath(environment: environment))
      print("taskdash demo on \(target)")
      let applied = try await Backends.withMigrator(target, creating: true) { try await $0.up() }
      if !applied.isEmpty { print("  migrated to version \(applied.max() ?? 0)") }
      try await seedIfEmpty(target)

      try await Backends.withCheckedReader(target, writes: true) { simulationReader in
        let writer = try await Backends.writer(target)
        try await Backends.closing({ await writer.close() }) {
          let simulator = Simulator(
            writer: writer, reader: simulationReader, catalog: try SeedCatalog.embedded(),
            configuration: SimulationConfiguration(
              runsPerSecond: rate, tickInterval: 1, randomSeed: UInt64.random(in: 0...UInt64(UInt32.max))))
          let push = PushChannel()
          let dashboard = try await Backends.dashboardReader(target, push: push)
          // The simulator's output would scribble over the dashboard: it runs silently.
          let simulation = Task { try await simulator.run() }
          // Quitting stops the simulator between two ticks; the writer closes only after that.
          try await Backends.closing({
            simulation.cancel()
            _ = await simulation.result
            await dashboard.close()
          }) {
            try await DashboardSession.run(
              DashboardSource(
                reader: dashboard, target: target.description,
                settings: AppSettings(initialInterval: refresh.duration, alerts: alerts.notify),
                theme: try look.chosen(in: ProcessInfo.processInfo.environment).theme, push: push.signals),
              mouse: !pointer.off)
          }
          if case .failure(let error) = await simulation.result, !(error is CancellationError) {
            throw error
          }
        }
      }
    }
  }

  /// Seeds the demo set unless the database already holds data (a demo run before).
  private func seedIfEmpty(_ target: DatabaseTarget) async throws {
    let catalog = try SeedCatalog.embedded()
    let now = Date()
    // The days of the demo history and the simulator's week ahead.
    try await Backends.preparePartitions(target, since: now.addingTimeInterval(-(catalog.historyDays + 1) * 86_400))
    let writer = try await Backends.writer(target)
    do {
      let summary = try await Seeder(writer: writer, catalog: catalog)
        .seed(.demo, randomSeed: UInt64.random(in: 0...UInt64(UInt32.max)), now: now, policy: .refuse, progress: nil)
      print("  seeded \(summary.tasks) tasks, \(summary.runs) runs, \(summary.metricSnapshots) metric snapshots")
    } catch SeedError.notEmpty {
      print("  the database already holds data: showing it as it is")
    } catch {
      await writer.close()
      throw error
    }
    await writer.close()
  }
}
