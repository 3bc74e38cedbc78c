import ArgumentParser
import TaskDashStore

/// `taskdash migrate check`: exit 0 only when the schema is exactly this binary's.
struct MigrateCheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Exit non-zero when migrations are pending, unknown or drifted.")

  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      try await Backends.withMigrator(target) { migrator in
        let status = try await migrator.status()
        if let advice = status.advice(for: "\(target)") {
          ErrorLine.write(advice)
          throw ExitCode.failure
        }
        print("\(target): schema current at version \(status.currentVersion.map(String.init) ?? "none")")
      }
    }
  }
}
