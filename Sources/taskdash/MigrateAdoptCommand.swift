import ArgumentParser
import Foundation
import TaskDashStore

/// `taskdash migrate adopt [--dry-run] [--undo]`: taskdash's indexes on another program's
/// tables, added without changing a row of them, and removed again.
struct MigrateAdoptCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "adopt",
    abstract: "Add taskdash's read indexes to an external schema (the agent system's own tables).",
    discussion: """
      Adds only what is safe while the agent system keeps writing: the indexes the dashboard's \
      reads need (built CONCURRENTLY on PostgreSQL), each named taskdash_adopt_..., and the table \
      taskdash_adoption that records them. No row, column, type, constraint or trigger of the \
      agent's tables is changed. --undo removes exactly that again.
      """)

  @OptionGroup var database: DatabaseOptions
  @Flag(help: "Print the statements instead of running them.") var dryRun = false
  @Flag(help: "Remove what adopt added.") var undo = false

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      let status = try await Backends.withMigrator(target) { try await $0.status() }
      guard let foreign = status.foreign, foreign.isExternalSchema, status.currentVersion == nil else {
        throw StoreError.schema(
          "\(target) holds no external schema to adopt: adopt is for the four tables "
            + "\(ForeignTables.contract.joined(separator: ", ")) made by another program, without taskdash's history")
      }
      try await Backends.withAdopter(target) { adopter in
        let statements = try await undo ? adopter.undoStatements() : adopter.adoptStatements()
        if dryRun {
          print("-- \(target): migrate adopt\(undo ? " --undo" : "") would run \(statements.count) statements")
          for statement in statements { print(statement + ";") }
          return
        }
        guard !statements.isEmpty else {
          print("\(target): \(undo ? "nothing to remove, not adopted" : "already adopted, nothing to add")")
          return
        }
        let clock = ContinuousClock()
        for statement in statements {
          let took = try await clock.measure { try await adopter.execute(statement) }
          print("  " + statement + String(format: "  (%.2f s)", took.seconds))
        }
        print(
          undo
            ? "\(target): removed what adopt added; the agent's tables are as they were"
            : "\(target): adopted; undo with: taskdash migrate adopt --undo")
      }
    }
  }
}
