import TaskDashModel
import Foundation
import TaskDashStore
import TaskDashViewModel

/// Every setting the commands use, each from the first place that gives it: a flag, an
/// environment variable, the environment chosen by `--env` (or `TASKDASH_ENV`), the config
/// file's default environment, taskdash's own default.
struct ResolvedSettings: Sendable {
  /// What the command line gave.
  struct Flags: Sendable {
    /// `--database-url`.
    var databaseURL: String?
    /// `--env`.
    var environment: String?
    /// `--interval`, in seconds.
    var interval: Double?
    /// `--theme`.
    var theme: ThemeOption.Name?
    /// `--no-mouse` (false when given).
    var mouse: Bool?
  }

  /// Where the config file is (or would be).
  let configPath: String
  /// Whether it is there.
  let hasConfigFile: Bool
  /// The environment whose settings apply (chosen, or the file's default), if any.
  let environment: Setting<String>?
  /// The target as given, `${NAME}` references expanded (shown masked, never as it is).
  let database: Setting<DatabaseTarget>
  /// Seconds between refreshes.
  let interval: Setting<Double>
  /// The dashboard's theme.
  let theme: Setting<ThemeOption.Name>
  /// Whether the dashboard takes the mouse.
  let mouse: Setting<Bool>
  /// The order each pane starts in.
  let tasksSort: Setting<TaskQuery.Sort>
  let runsSort: Setting<RunSort>
  let metricsSort: Setting<MetricSort>
  let artifactsSort: Setting<ArtifactSort>
  /// The reading sessions' statement timeout (PostgreSQL).
  let statementTimeout: Setting<Duration>
  /// Seconds libpq waits for each host (PostgreSQL).
  let connectTimeout: Setting<Int>
  /// The file's environments as `e` lists them: their targets as written, `${NAME}`
  /// references unexpanded (so no password from a variable is shown), passwords masked.
  let environmentChoices: [EnvironmentChoice]

  /// The environment whose database is the target, if it is one's.
  var environmentInUse: String? {
    switch database.source {
    case .environment(let name), .defaultEnvironment(let name): name
    default: nil
    }
  }

  /// The target with the configured limits on its sessions: what the commands open.
  var target: DatabaseTarget {
    database.value.limited(
      by: SessionLimits(
        connectTimeoutSeconds: connectTimeout.source == .builtIn ? nil : connectTimeout.value,
        statementTimeout: statementTimeout.source == .builtIn ? nil : statementTimeout.value))
  }

  /// What the dashboard's header says it reads: the environment's name when the target is the
  /// environment's, and the target with its password masked.
  var targetLabel: String {
    switch database.source {
    case .environment(let name), .defaultEnvironment(let name): "\(name) · \(database.value)"
    default: database.value.description
    }
  }

  /// The pane orders, for the dashboard.
  var sorts: PaneSorts {
    PaneSorts(tasks: tasksSort.value, runs: runsSort.value, metrics: metricsSort.value, artifacts: artifactsSort.value)
  }

  /// The refresh interval, for the dashboard.
  var intervalDuration: Duration { .milliseconds(Int((interval.value * 1000).rounded())) }

  // MARK: - Resolution

  /// Resolves every setting from `flags`, the environment `variables` and the config file they
  /// point at.
  static func resolve(flags: Flags, variables: [String: String]) throws -> ResolvedSettings {
    let path = ConfigFile.location(in: variables)
    let file = try ConfigFile.load(from: path)
    let chosen = try chosenEnvironment(flags: flags, variables: variables, file: file, path: path)

    // The layers under the flags and variables, highest first. Every environment names its own
    // database, so a chosen environment's target never comes from the default one.
    // A database the flag or taskdash's own variable gives is not read from the file at all,
    // so its ${NAME} references need not be set.
    let databaseGiven = flags.databaseURL?.isEmpty == false || variables[ownDatabaseVariable]?.isEmpty == false
    let allKeys = ConfigEnvironment.Key.allCases
    let withoutDatabase = allKeys.filter { $0 != .database }
    var layers: [(settings: EnvironmentSettings, source: SettingSource)] = []
    if let chosen {
      let keys = databaseGiven ? withoutDatabase : allKeys
      layers.append((try chosen.settings(variables: variables, path: path, only: keys), .environment(chosen.name)))
    }
    if let name = file?.defaultEnvironment?.text, name != chosen?.name,
      let fallback = file?.environment(named: name)
    {
      let keys = databaseGiven || chosen != nil ? withoutDatabase : allKeys
      layers.append((try fallback.settings(variables: variables, path: path, only: keys), .defaultEnvironment(name)))
    }
    func layered<Value>(_ value: (EnvironmentSettings) -> Value?, builtIn: Value) -> Setting<Value> {
      for layer in layers {
        if let found = value(layer.settings) { return Setting(value: found, source: layer.source) }
      }
      return Setting(value: builtIn, source: .builtIn)
    }

    let environment =
      chosen.map { Setting(value: $0.name, source: chosenSource(flags: flags)) }
      ?? file?.defaultEnvironment.map { Setting(value: $0.text, source: .defaultEnvironment($0.text)) }
    return ResolvedSettings(
      configPath: path, hasConfigFile: file != nil, environment: environment,
      database: try database(
        flags: flags, variables: variables, layers: layers.map { ($0.settings.database, $0.source) }),
      interval: flags.interval.map { Setting(value: $0, source: .flag("--interval")) }
        ?? layered(\.interval, builtIn: 1),
      theme: try flags.theme.map { Setting(value: $0, source: .flag("--theme")) }
        ?? ThemeOption.fromVariable(in: variables).map { Setting(value: $0, source: .variable(ThemeOption.variable)) }
        ?? layered(\.theme, builtIn: .dark),
      mouse: flags.mouse.map { Setting(value: $0, source: .flag("--no-mouse")) } ?? layered(\.mouse, builtIn: true),
      tasksSort: layered(\.tasksSort, builtIn: TaskRow.defaultSort),
      runsSort: layered(\.runsSort, builtIn: RunRow.defaultSort),
      metricsSort: layered(\.metricsSort, builtIn: MetricSeries.defaultSort),
      artifactsSort: layered(\.artifactsSort, builtIn: ArtifactRow.defaultSort),
      statementTimeout: layered(\.statementTimeout, builtIn: .seconds(5)),
      connectTimeout: layered(\.connectTimeout, builtIn: 5),
      environmentChoices: (file?.environments ?? []).map { environment in
        let written = environment.values[.database]?.text ?? ""
        let shown = VariableReferences.preserving(in: written, DatabaseTarget.displayText)
        return EnvironmentChoice(name: environment.name, target: shown)
      })
  }

  /// The settings of the environment the operator picked with `e`: the file read again (it may
  /// have changed), `flags` (the command line's interval and theme) still first. The picked
  /// environment's database is the target whatever `TASKDASH_DATABASE_URL` says: choosing it on
  /// screen is the most explicit choice there is.
  static func switching(to name: String, flags: Flags, variables: [String: String]) throws -> ResolvedSettings {
    var flags = flags
    flags.databaseURL = nil
    flags.environment = name
    return try resolve(flags: flags, variables: variables.filter { $0.key != ownDatabaseVariable })
  }

  /// The variable that chooses an environment when `--env` does not.
  static let environmentVariable = "TASKDASH_ENV"

  private static func chosenSource(flags: Flags) -> SettingSource {
    flags.environment != nil ? .flag("--env") : .variable(environmentVariable)
  }

  /// The environment `--env` or `TASKDASH_ENV` chooses; naming one the file does not have (or
  /// naming one with no file) is a usage error, never a quiet fall back to another database.
  private static func chosenEnvironment(
    flags: Flags, variables: [String: String], file: ConfigFile?, path: String
  ) throws(ConfigError) -> ConfigEnvironment? {
    let given = flags.environment ?? variables[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    guard let name = given else { return nil }
    let source = chosenSource(flags: flags)
    guard let file else {
      throw ConfigError(
        path: path, line: nil,
        problem: "\(source) names environment '\(name)', but there is no config file (taskdash config init writes one)",
        status: 64)
    }
    guard let environment = file.environment(named: name) else {
      let names = file.environments.map(\.name).joined(separator: ", ")
      throw ConfigError(
        path: path, line: nil,
        problem: "\(source): no environment is called '\(name)' (the file has: \(names.isEmpty ? "none" : names))",
        status: 64)
    }
    return environment
  }

  /// The target: `--database-url`, `TASKDASH_DATABASE_URL`, the environments, then the generic
  /// `DATABASE_URL` and `DB_*` variables, then the embedded SQLite file.
  ///
  /// The generic variables come after the file because the file refers to them: an environment
  /// written as `host=${DB_HOST} … target_session_attrs=prefer-standby` (the agent system's own
  /// configuration has that shape) would otherwise be replaced by a string built from the same
  /// variables without its other keys, and other programs set `DATABASE_URL` for their own
  /// databases. Without a config file the order is the one taskdash always had.
  private static func database(
    flags: Flags, variables: [String: String], layers: [(String?, SettingSource)]
  ) throws -> Setting<DatabaseTarget> {
    if let flag = flags.databaseURL, !flag.isEmpty {
      return Setting(value: try DatabaseTarget.parse(flag), source: .flag("--database-url"))
    }
    if let own = variables[ownDatabaseVariable], !own.isEmpty {
      return Setting(value: try DatabaseTarget.parse(own), source: .variable(ownDatabaseVariable))
    }
    for case (let text?, let source) in layers {
      return Setting(value: homeExpanded(try DatabaseTarget.parse(text), variables: variables), source: source)
    }
    if let given = DatabaseTarget.fromVariables(variables) {
      return Setting(value: try DatabaseTarget.parse(given.text), source: .variable(given.variable))
    }
    return Setting(value: .sqlite(path: DatabaseTarget.defaultSQLitePath(environment: variables)), source: .builtIn)
  }

  /// taskdash's own variable for the target, which ranks above the config file.
  static let ownDatabaseVariable = "TASKDASH_DATABASE_URL"

  /// A SQLite path from the file may start with `~/`, as it would on a command line.
  private static func homeExpanded(_ target: DatabaseTarget, variables: [String: String]) -> DatabaseTarget {
    guard case .sqlite(let path) = target, path.hasPrefix("~/") else { return target }
    return .sqlite(path: (variables["HOME"] ?? NSHomeDirectory()) + path.dropFirst())
  }
}
