import TaskDashStore
import TaskDashViewModel

/// One named environment of the config file, as written.
struct ConfigEnvironment: Sendable {
  /// The settings an environment may have, by their names in the file (`sort.runs` is `runs:`
  /// under `sort:`).
  enum Key: String, CaseIterable, Sendable {
    case database, interval, theme, mouse
    case statementTimeout = "statement_timeout"
    case connectTimeout = "connect_timeout"
    case sortTasks = "sort.tasks"
    case sortRuns = "sort.runs"
    case sortMetrics = "sort.metrics"
    case sortArtifacts = "sort.artifacts"
  }

  /// Its name.
  let name: String
  /// The line its name is on.
  let line: Int
  /// What it sets.
  let values: [Key: ConfigValue]

  /// The environment's settings, its `${NAME}` references expanded from `variables`.
  ///
  /// Without `variables` only the values that refer to no variable are read, so that the file
  /// can be checked as a whole without the variables of every environment being set.
  /// `only` limits the keys read: the default environment's `database` is not read, nor
  /// expanded, when another environment is chosen.
  func settings(variables: [String: String]?, path: String, only keys: [Key] = Key.allCases) throws(ConfigError)
    -> EnvironmentSettings
  {
    var settings = EnvironmentSettings()
    for key in keys {
      guard let value = values[key] else { continue }
      let text: String
      if let variables {
        do {
          text = try VariableReferences.expand(value.text, variables: variables)
        } catch {
          throw ConfigError(path: path, line: value.line, problem: "\(key.rawValue): \(error.message)")
        }
      } else if VariableReferences.refersToVariables(value.text) {
        continue
      } else {
        text = value.text
      }
      do {
        try settings.set(key, from: text)
      } catch {
        throw ConfigError(path: path, line: value.line, problem: "\(key.rawValue): \(error.message)")
      }
    }
    return settings
  }
}
