import ArgumentParser

/// `taskdash config`: the resolved settings and where each came from; `config init` writes an
/// example file.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show the resolved settings and their sources, or write an example config file.",
    discussion: """
      Precedence, highest first: a flag, an environment variable, the environment chosen by --env \
      or TASKDASH_ENV, the config file's default environment, taskdash's default. Passwords are \
      masked.
      """,
    subcommands: [ConfigShowCommand.self, ConfigInitCommand.self],
    defaultSubcommand: ConfigShowCommand.self)
}
