import ArgumentParser
import Foundation
import TaskDashViewModel

/// `taskdash bench-refresh` (hidden): times full refresh cycles against a database, for `make bench`.
struct BenchRefreshCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-refresh",
    abstract: "Time full dashboard refresh cycles: every pane's read, the update and a render at 120×40.",
    shouldDisplay: false)

  @OptionGroup var database: DatabaseOptions

  @Option(help: "Timed refresh cycles.")
  var cycles = 200

  @Option(help: "Untimed cycles first, so every pane has its data and the caches are warm.")
  var warmup = 5

  @Option(name: .customLong("run"), help: "Time this run's page (its id) instead of the panes.")
  var runID: String?

  func validate() throws {
    if cycles < 1 { throw ValidationError("--cycles must be at least 1") }
    if warmup < 0 { throw ValidationError("--warmup must not be negative") }
    if let runID, UUID(uuidString: runID) == nil { throw ValidationError("--run takes a run id, not '\(runID)'") }
  }

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      let report = try await Backends.withCheckedReader(target) { reader in
        try await RefreshBench(
          reader: reader, target: target.description, page: runID.flatMap(UUID.init).map(PageSubject.run)
        ).run(cycles: cycles, warmup: warmup)
      }
      print(report)
    }
  }
}
