/// Where a resolved setting came from, highest precedence first.
enum SettingSource: Hashable, Sendable, CustomStringConvertible {
  /// A command-line flag, such as `--theme`.
  case flag(String)
  /// An environment variable, such as `TASKDASH_THEME`.
  case variable(String)
  /// The environment chosen by `--env` or `TASKDASH_ENV`.
  case environment(String)
  /// The config file's `default:` environment.
  case defaultEnvironment(String)
  /// taskdash's own default.
  case builtIn

  var description: String {
    switch self {
    case .flag(let flag): flag
    case .variable(let name): name
    case .environment(let name): "environment \(name)"
    case .defaultEnvironment(let name): "default environment \(name)"
    case .builtIn: "built in"
    }
  }
}
