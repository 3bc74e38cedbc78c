import ArgumentParser
import Foundation

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

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      let snapshot = try await Backends.withCheckedReader(target) { reader in
        try await Snapshot.read(from: reader, target: target, limit: limit)
      }
      switch format {
      case .json: print(try snapshot.json())
      case .table: print(SnapshotTable.render(snapshot), terminator: "")
      }
    }
  }
}
