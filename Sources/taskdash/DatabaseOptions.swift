import ArgumentParser
import Foundation
import TaskDashStore

/// The `--database-url` and `--env` options every database command shares.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("database-url"),
    help: ArgumentHelp(
      "postgres:// URL, libpq key=value string, sqlite:PATH or a .sqlite/.db path.",
      discussion:
        "Default: TASKDASH_DATABASE_URL, the chosen environment's database, the config file's default environment's, DATABASE_URL, the DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME variables, then ~/.local/share/taskdash/taskdash.sqlite."
    ))
  var databaseURL: String?

  @Option(
    name: .customLong("env"),
    help: ArgumentHelp(
      "A named environment of the config file (else TASKDASH_ENV, else the file's default).",
      discussion:
        "The file is ${XDG_CONFIG_HOME:-~/.config}/taskdash/config.yaml, or TASKDASH_CONFIG. A setting comes from its flag, else its environment variable, else the chosen environment, else the default environment, else taskdash's default; taskdash config shows each one's source."
    ))
  var environment: String?

  /// These two flags, as the settings are resolved from them.
  var flags: ResolvedSettings.Flags {
    ResolvedSettings.Flags(databaseURL: databaseURL, environment: environment)
  }

  /// The resolved target, with the configured limits on its sessions.
  func target() throws -> DatabaseTarget {
    try ResolvedSettings.resolve(flags: flags, variables: ProcessInfo.processInfo.environment).target
  }
}
