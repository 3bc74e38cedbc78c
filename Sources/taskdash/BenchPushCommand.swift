import ArgumentParser
import Foundation
import TaskDashStore

/// `taskdash bench-push` (hidden): times how long an inserted run takes to reach the dashboard's
/// state by push, for `make bench`.
struct BenchPushCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-push",
    abstract: "Time insert-to-state latency by push on PostgreSQL: a run's commit to the runs pane holding it.",
    shouldDisplay: false)

  @OptionGroup var database: DatabaseOptions

  @Option(help: "Runs inserted, one at a time.")
  var inserts = 50

  func validate() throws {
    if inserts < 1 { throw ValidationError("--inserts must be at least 1") }
  }

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      guard case .postgres = target else {
        ErrorLine.write("bench-push needs a PostgreSQL database: SQLite has no push")
        throw ExitCode.validationFailure
      }
      let push = PushChannel()
      let reader = try await Backends.dashboardReader(target, push: push)
      let writer = try await Backends.writer(target)
      let report = try await Backends.closing({
        await reader.close()
        await writer.close()
      }) {
        try await PushBench(reader: reader, writer: writer, push: push).run(inserts: inserts)
      }
      print(report)
    }
  }
}
