import ArgumentParser
import TaskDashStore

/// `taskdash migrate down --steps N | --to N | --all`.
struct MigrateDownCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "down", abstract: "Revert migrations: --steps N, --to N or --all (one is required).")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "Revert this many of the newest applied migrations.") var steps: Int?
  @Option(help: "Revert every migration newer than this version (0 reverts all).") var to: Int?
  @Flag(help: "Revert every migration, dropping every taskdash table.") var all = false

  func validate() throws {
    let chosen = [steps != nil, to != nil, all].filter { $0 }.count
    guard chosen == 1 else { throw ValidationError(MigrationError.downNeedsExtent.description) }
    if let steps, steps < 1 { throw ValidationError("--steps must be at least 1") }
  }

  func run() async throws {
    try await reportingFailures {
      let extent: Migrator.DownExtent =
        if let steps { .steps(steps) } else if let to { .to(to) } else { .all }
      let target = try database.target()
      try await Backends.withMigrator(target) { migrator in
        let reverted = try await migrator.down(extent)
        let version = try await migrator.status().currentVersion.map(String.init) ?? "none"
        if reverted.isEmpty {
          print("\(target): nothing to revert, schema at version \(version)")
        } else {
          print(
            "\(target): reverted \(reverted.map(String.init).joined(separator: ", ")); schema at version \(version)")
        }
      }
    }
  }
}
