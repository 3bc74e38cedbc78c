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
    case table, json, csv
  }

  @OptionGroup var database: DatabaseOptions
  @Option(help: "table, json, or csv (the tasks and runs tables as CSV sections, text as stored).")
  var format: Format = .table
  @Option(help: "Rows per list.") var limit = 20
  @Option(name: .customLong("run"), help: "Print this run's page instead: a run id, or TASK NAME#N.")
  var runReference: String?
  @Option(name: .customLong("task"), help: "Print this task's page instead, by its name.")
  var taskName: String?
  @Option(
    help:
      "Filter the runs as the runs pane's / does: status:failed task:NAME err:TEXT dur>5m since:2h silent, - negates.")
  var filter = ""
  @Option(
    name: .customLong("fail-on"),
    help: ArgumentHelp(
      "Exit 1 when a listed run is in one of these states (comma-separated: failed, timeout, cancelled, silent), naming them on stderr; 0 when none; 2 when it could not tell.",
      valueName: "states"))
  var failOn: FailOnStates?

  func validate() throws {
    if runReference != nil && taskName != nil { throw ValidationError("give --run or --task, not both") }
    if format == .csv && (runReference != nil || taskName != nil) {
      throw ValidationError("a page is not a table: use --format table or json with --run and --task")
    }
    if failOn != nil && (runReference != nil || taskName != nil) {
      throw ValidationError("--fail-on judges the runs list; for one run use taskdash wait")
    }
  }

  func run() async throws {
    try await reportingFailures(status: failOn == nil ? 1 : CouldNotTell.status) {
      let target = try database.target()
      if let reference = runReference.map(PageSnapshot.Reference.run) ?? taskName.map(PageSnapshot.Reference.task) {
        let content = try await Backends.withCheckedReader(target) { reader in
          try await PageSnapshot.read(reference, from: reader, settings: AppSettings())
        }
        switch format {
        case .json: print(try PageSnapshot.json(content, now: Date()))
        case .table, .csv: print(PageSnapshot.text(content, now: Date()), terminator: "")
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
      case .csv: print(SnapshotCSV.render(snapshot), terminator: "")
      }
      if let failOn { try Self.judge(snapshot, by: failOn) }
    }
  }

  /// Names on stderr each listed run in a state asked about, and exits 1 when there is one.
  static func judge(_ snapshot: Snapshot, by failOn: FailOnStates) throws {
    let found = snapshot.runs.compactMap { run -> String? in
      let states = failOn.matches(run.fields)
      guard !states.isEmpty else { return nil }
      return "\(run.taskName)#\(run.runNumber) \(states.map(\.rawValue).joined(separator: ", ")) (\(run.id))"
    }
    guard !found.isEmpty else { return }
    for line in found { ErrorLine.write(line) }
    throw ExitCode.failure
  }
}
