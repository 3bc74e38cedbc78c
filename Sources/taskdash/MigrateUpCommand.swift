import ArgumentParser

/// `taskdash migrate up [--to N]`.
struct MigrateUpCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "up", abstract: "Apply pending migrations (all, or up to --to N).")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "Stop after applying this version.") var to: Int?

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      try await Backends.withMigrator(target, creating: true) { migrator in
        let applied = try await migrator.up(to: to)
        let status = try await migrator.status()
        let version = status.currentVersion.map(String.init) ?? "none"
        if applied.isEmpty {
          print("\(target): nothing to apply, schema at version \(version)")
        } else {
          print("\(target): applied \(applied.map(String.init).joined(separator: ", ")); schema at version \(version)")
        }
      }
    }
  }
}
