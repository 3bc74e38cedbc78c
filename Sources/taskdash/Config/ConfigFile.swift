import Foundation
import Yams

/// The operator's config file: named environments (a target each, and the dashboard's settings
/// for it), one of them the default.
///
/// ```yaml
/// default: development
/// environments:
///   development:
///     database: sqlite:~/agents/dev.sqlite
///   production:
///     database: postgres://taskdash@${DB_HOST}/agents
///     theme: light
/// ```
///
/// The whole file is checked when it is read: unknown keys, wrong shapes and bad values are
/// errors that name their line, whichever environment is chosen. Values that refer to
/// environment variables are checked again once expanded, for the environment in use.
struct ConfigFile: Sendable {
  /// Where it was read from.
  let path: String
  /// The `default:` environment's name, when the file has one.
  let defaultEnvironment: ConfigValue?
  /// The environments, in the file's order.
  let environments: [ConfigEnvironment]

  /// The environment variable that names another file.
  static let pathVariable = "TASKDASH_CONFIG"

  /// `TASKDASH_CONFIG`, else `${XDG_CONFIG_HOME:-~/.config}/taskdash/config.yaml`.
  static func location(in environment: [String: String]) -> String {
    if let path = environment[pathVariable], !path.isEmpty { return path }
    if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty { return base + "/taskdash/config.yaml" }
    return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/taskdash/config.yaml"
  }

  /// The environment called `name`.
  func environment(named name: String) -> ConfigEnvironment? {
    environments.first { $0.name == name }
  }

  // MARK: - Reading

  /// The file at `path`, or nil when there is none; a file that is there but cannot be read or
  /// used is a `ConfigError`.
  static func load(from path: String) throws(ConfigError) -> ConfigFile? {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch CocoaError.fileReadNoSuchFile {
      return nil
    } catch {
      throw ConfigError(path: path, line: nil, problem: "cannot be read (\(reason(for: error)))")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(path: path, line: nil, problem: "is not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  /// Reads the file's text.
  static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw syntaxError(error, path: path)
    } catch {
      throw ConfigError(path: path, line: nil, problem: "is not YAML")
    }
    guard let root else {
      throw ConfigError(path: path, line: nil, problem: "is empty (taskdash config init writes an example)")
    }
    guard let top = root.mapping else {
      throw ConfigError(path: path, line: line(of: root), problem: "expected a mapping with default: and environments:")
    }
    var defaultEnvironment: ConfigValue?
    var environments: [ConfigEnvironment] = []
    for (key, value) in top {
      switch try name(of: key, path: path) {
      case "default":
        defaultEnvironment = try scalar(value, key: "default", path: path)
      case "environments":
        environments = try readEnvironments(value, path: path)
      case let other:
        throw ConfigError(
          path: path, line: line(of: key), problem: "unknown key '\(other)' (expected default or environments)")
      }
    }
    let file = ConfigFile(path: path, defaultEnvironment: defaultEnvironment, environments: environments)
    try file.check()
    return file
  }

  /// The checks that need the whole file: the default names an environment, and every value
  /// that refers to no variable is good.
  private func check() throws(ConfigError) {
    if let defaultEnvironment, environment(named: defaultEnvironment.text) == nil {
      throw ConfigError(
        path: path, line: defaultEnvironment.line,
        problem: "default: no environment is called '\(defaultEnvironment.text)'")
    }
    for environment in environments {
      _ = try environment.settings(variables: nil, path: path)
    }
  }

  private static func readEnvironments(_ node: Node, path: String) throws(ConfigError) -> [ConfigEnvironment] {
    guard let mapping = node.mapping else {
      throw ConfigError(path: path, line: line(of: node), problem: "environments: expected a mapping of names")
    }
    var environments: [ConfigEnvironment] = []
    for (key, value) in mapping {
      let name = try name(of: key, path: path)
      guard let settings = value.mapping else {
        throw ConfigError(path: path, line: line(of: value), problem: "\(name): expected a mapping of settings")
      }
      var values: [ConfigEnvironment.Key: ConfigValue] = [:]
      for (settingKey, settingValue) in settings {
        let setting = try Self.name(of: settingKey, path: path)
        if setting == "sort", let sorts = settingValue.mapping {
          for (paneKey, paneValue) in sorts {
            let pane = try Self.name(of: paneKey, path: path)
            guard let key = ConfigEnvironment.Key(rawValue: "sort." + pane) else {
              throw ConfigError(
                path: path, line: line(of: paneKey),
                problem: "sort: unknown pane '\(pane)' (expected tasks, runs, metrics or artifacts)")
            }
            values[key] = try scalar(paneValue, key: key.rawValue, path: path)
          }
          continue
        }
        guard let key = ConfigEnvironment.Key(rawValue: setting), !setting.hasPrefix("sort.") else {
          throw ConfigError(
            path: path, line: line(of: settingKey),
            problem: "\(name): unknown setting '\(setting)' (expected \(Self.settingNames))")
        }
        values[key] = try scalar(settingValue, key: setting, path: path)
      }
      guard values[.database] != nil else {
        throw ConfigError(path: path, line: line(of: key), problem: "\(name): has no database:")
      }
      environments.append(ConfigEnvironment(name: name, line: line(of: key) ?? 0, values: values))
    }
    return environments
  }

  /// The names an environment's settings may have, for messages.
  private static let settingNames = "database, interval, theme, mouse, sort, statement_timeout, connect_timeout"

  // MARK: - Nodes

  /// A key, which must be a plain scalar.
  private static func name(of node: Node, path: String) throws(ConfigError) -> String {
    guard let scalar = node.scalar, !scalar.string.isEmpty else {
      throw ConfigError(path: path, line: line(of: node), problem: "expected a name as the key")
    }
    return scalar.string
  }

  /// A value that must be a scalar.
  private static func scalar(_ node: Node, key: String, path: String) throws(ConfigError) -> ConfigValue {
    guard let scalar = node.scalar else {
      throw ConfigError(path: path, line: line(of: node), problem: "\(key): expected a single value")
    }
    return ConfigValue(text: scalar.string, line: line(of: node) ?? 0)
  }

  private static func line(of node: Node) -> Int? {
    node.mark?.line
  }

  /// The one line a YAML syntax error becomes: the parser's problem and where, without the
  /// snippet of the file the parser would quote (it may be a password).
  private static func syntaxError(_ error: YamlError, path: String) -> ConfigError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ConfigError(path: path, line: mark.line, problem: "YAML: \(problem) (column \(mark.column))")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return ConfigError(
        path: path, line: context.mark.line,
        problem: "YAML: a key appears twice (\(duplicates.sorted().joined(separator: ", ")))")
    case .reader(let problem, _, _, _):
      return ConfigError(path: path, line: nil, problem: "YAML: \(problem)")
    default:
      return ConfigError(path: path, line: nil, problem: "is not YAML")
    }
  }

  /// Why a file could not be read, in a few words.
  private static func reason(for error: any Error) -> String {
    if case CocoaError.fileReadNoPermission = error { return "permission denied" }
    if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }
}
