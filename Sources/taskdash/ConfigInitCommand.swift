import ArgumentParser
import Foundation

/// `taskdash config init`: writes a commented example config file.
struct ConfigInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented example config file (TASKDASH_CONFIG, else ~/.config/taskdash/config.yaml).")

  @Flag(help: "Replace a file that is already there.") var force = false

  func run() throws {
    let path = ConfigFile.location(in: ProcessInfo.processInfo.environment)
    do {
      try Self.write(to: path, replacing: force)
    } catch {
      ErrorLine.write(error.description)
      throw ExitCode.failure
    }
    print("wrote \(path)")
  }

  /// Writes the example to `path`, readable by its owner only (it may come to hold a
  /// password); an existing file is kept unless `replacing`.
  static func write(to path: String, replacing: Bool) throws(ConfigError) {
    let manager = FileManager.default
    if !replacing, manager.fileExists(atPath: path) {
      throw ConfigError(path: path, line: nil, problem: "is already there (--force replaces it)", status: 1)
    }
    do {
      let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
      try manager.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(example.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    } catch {
      throw ConfigError(path: path, line: nil, problem: "cannot be written (\(error.localizedDescription))", status: 1)
    }
  }

  /// The example: the four environments of the agent system's own configuration.
  static let example = """
    # taskdash configuration. `taskdash --env NAME` (or TASKDASH_ENV=NAME) picks an environment;
    # without one, `default` applies. A setting comes from, highest first: its flag, its
    # environment variable, the chosen environment, the default environment, taskdash's default.
    # `taskdash config` prints what applies and where it came from.
    #
    # ${NAME} is the environment variable NAME (an error when it is unset), ${NAME:-text} falls
    # back to text, and $$ is a dollar sign. Keep passwords out of this file: libpq's ~/.pgpass,
    # PGPASSWORD and service files (service=NAME) all work, or refer to ${DB_PASSWORD}.

    default: development

    environments:
      development:
        # A SQLite file (sqlite:PATH, or a path ending in .sqlite, .sqlite3 or .db).
        database: sqlite:~/.local/share/taskdash/taskdash.sqlite
        interval: 1              # seconds between refreshes, 0.25 to 60
        theme: dark              # dark, light or mono (NO_COLOR always means mono)
        mouse: true              # clicks, double clicks and the wheel; false leaves them to the terminal
        sort:                    # the order each pane starts in (s cycles it)
          tasks: last-activity   # name, status, last-activity
          runs: newest           # newest, status, duration
          metrics: name          # name, recent
          artifacts: newest      # newest, name, size

      testing:
        database: sqlite:~/.local/share/taskdash/testing.sqlite

      staging:
        # A postgres:// URL or a libpq key=value string.
        database: postgres://taskdash@staging-db.internal:5432/agents_staging?sslmode=require
        interval: 2
        statement_timeout: 5s    # each dashboard read (500ms, 30s, 2m); writers are not limited
        connect_timeout: 5       # seconds to wait for each server

      production:
        # Two hosts: read from the standby while there is one (the header says which).
        database: host=${DB_HOST} port=${DB_PORT:-5432} dbname=${DB_NAME:-agents} user=${DB_USER} target_session_attrs=prefer-standby
        interval: 5
        theme: light
        statement_timeout: 10s
        connect_timeout: 10

    """
}
