import ArgumentParser
import Foundation
import TaskDashStore

/// The `--database-url` option every database command shares.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("database-url"),
    help: ArgumentHelp(
      "postgres:// URL, libpq key=value string, sqlite:PATH or a .sqlite/.db path.",
      discussion:
        "Default: TASKDASH_DATABASE_URL, DATABASE_URL, the DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME variables, then ~/.local/share/taskdash/taskdash.sqlite."
    ))
  var databaseURL: String?

  /// The resolved target (flag, then environment, then the embedded default).
  func target() throws -> DatabaseTarget {
    try DatabaseTarget.resolve(flag: databaseURL, environment: ProcessInfo.processInfo.environment)
  }
}
