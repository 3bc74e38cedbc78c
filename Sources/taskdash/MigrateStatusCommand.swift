import ArgumentParser
import Foundation
import TaskDashStore

/// `taskdash migrate status`: current version, applied and pending, drift.
struct MigrateStatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show the current version, applied, pending, unknown and drifted migrations.")

  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      try await Backends.withMigrator(target) { migrator in
        print(MigrationReport.render(try await migrator.status(), target: target))
      }
    }
  }
}
