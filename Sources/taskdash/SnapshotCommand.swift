import ArgumentParser
import Foundation
import TaskDashStore
import TaskDashViewModel

/// `taskdash snapshot`: what the dashboard would show, printed once.
struct SnapshotCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Print what the dashboard would show, once (for scripts and terminals that cannot run the UI).")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json
  }

  @OptionGroup var database: DatabaseOptions
  @Option(help: "table or json.") var format: Format = .table
  @Option(help: "Rows per list.") var limit = 20
  @Option(name: .customLong("run"), help: "Print this run's page instead: a run id, or TASK NAME#N.")
  var runReference: String?
  @Option(name: .customLong("task"), help: "Print this task's page instead, by its name.")
  var taskName: String?
  @Option(
    help:
      "Filter the runs as the runs pane's / does: status:failed task:NAME err:TEXT dur>5m since:2h silent, - negates.")
  var filter = ""

  func validate() throws {
    if runReference != nil && taskName != nil { throw ValidationError("give --run or --task, not both") }
  }

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      if let reference = runReference.map(PageSnapshot.Reference.run) ?? taskName.map(PageSnapshot.Reference.task) {
        let content = try await Backends.withCheckedReader(target) { reader in
          try await PageSnapshot.read(reference, from: reader, settings: AppSettings())
        }
        switch format {
        case .json: print(try PageSnapshot.json(content, now: Date()))
        case .table: print(PageSnapshot.text(content, now: Date()), terminator: "")
        }
        return
      }
      do {
        _ = try FilterParser.parse(filter, for: .runs)
      } catch {
        // A usage error, as argument parsing reports them: one line and status 64.
        ErrorLine.write("--filter \(error)")
        throw ExitCode(64)
      }
      let snapshot = try await Backends.withCheckedReader(target) { [filter] reader in
        try await Snapshot.read(from: reader, target: target, limit: limit, filter: filter)
      }
      switch format {
      case .json: print(try snapshot.json())
      case .table: print(SnapshotTable.render(snapshot), terminator: "")
      }
    }
  }
}
