import ArgumentParser

/// `taskdash migrate`: the schema's versions, up and down.
struct MigrateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Apply, revert and inspect the database schema's migrations.",
    subcommands: [
      MigrateUpCommand.self, MigrateDownCommand.self, MigrateStatusCommand.self,
      MigrateCheckCommand.self, MigrateNewCommand.self, MigrateAdoptCommand.self,
    ]
  )
}
