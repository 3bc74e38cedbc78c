import ArgumentParser

/// The `taskdash` command: a terminal dashboard for AI-agent task runs.
@main
struct TaskDash: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "taskdash",
    abstract: "Watch AI-agent tasks, runs, metrics and artifacts live in the terminal.",
    version: "0.1.0",
    subcommands: [
      WatchCommand.self, DemoCommand.self, SnapshotCommand.self, ExportCommand.self, WaitCommand.self,
      MigrateCommand.self,
      SeedCommand.self,
      SimulateCommand.self, PruneCommand.self, MaintainCommand.self, ConfigCommand.self, BenchRefreshCommand.self,
      BenchReadsCommand.self, BenchPushCommand.self,
    ],
    defaultSubcommand: WatchCommand.self
  )
}
