import TaskDashStore
import TaskDashViewModel

/// What one environment of the config file sets, checked; nil where it says nothing.
struct EnvironmentSettings: Equatable, Sendable {
  /// The target as written (a URL, a key=value string or a SQLite path), references expanded.
  var database: String?
  /// Seconds between refreshes.
  var interval: Double?
  /// The theme.
  var theme: ThemeOption.Name?
  /// Whether the dashboard takes the mouse.
  var mouse: Bool?
  /// The tasks pane's order.
  var tasksSort: TaskQuery.Sort?
  /// The runs pane's order.
  var runsSort: RunSort?
  /// The metrics pane's order.
  var metricsSort: MetricSort?
  /// The artifacts pane's order.
  var artifactsSort: ArtifactSort?
  /// The reading sessions' statement timeout.
  var statementTimeout: Duration?
  /// Seconds to wait for a connection.
  var connectTimeout: Int?

  /// Why a value cannot be used; never quotes the value, which may be a password.
  struct Problem: Error {
    let message: String
  }

  /// Reads `text` as the value of `key`.
  mutating func set(_ key: ConfigEnvironment.Key, from text: String) throws(Problem) {
    switch key {
    case .database:
      guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem(message: "is empty") }
      do {
        _ = try DatabaseTarget.parse(text)
      } catch {
        throw Problem(message: "\(error)")
      }
      database = text
    case .interval:
      guard let seconds = TimeLength(argument: text)?.seconds, seconds >= 0.25, seconds <= 60 else {
        throw Problem(message: "must be between 0.25 and 60 seconds")
      }
      interval = seconds
    case .theme: theme = try Self.choice(text)
    case .mouse:
      switch text.trimmingCharacters(in: .whitespaces).lowercased() {
      case "true", "yes", "on": mouse = true
      case "false", "no", "off": mouse = false
      default: throw Problem(message: "must be true or false")
      }
    case .sortTasks: tasksSort = try Self.choice(text)
    case .sortRuns: runsSort = try Self.choice(text)
    case .sortMetrics: metricsSort = try Self.choice(text)
    case .sortArtifacts: artifactsSort = try Self.choice(text)
    case .statementTimeout:
      guard let seconds = TimeLength(argument: text)?.seconds, seconds >= 0.1, seconds <= 3600 else {
        throw Problem(message: "must be between 100ms and 1h (a number is seconds; 500ms, 30s, 2m)")
      }
      statementTimeout = .milliseconds(Int((seconds * 1000).rounded()))
    case .connectTimeout:
      guard let seconds = TimeLength(argument: text)?.seconds, seconds >= 2, seconds <= 300,
        seconds == seconds.rounded()
      else {
        throw Problem(message: "must be whole seconds between 2 and 300")
      }
      connectTimeout = Int(seconds)
    }
  }

  /// One of a closed set of names, any case.
  private static func choice<Choice: RawRepresentable & CaseIterable>(_ text: String) throws(Problem) -> Choice
  where Choice.RawValue == String {
    let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let choice = Choice.allCases.first(where: { $0.rawValue == wanted }) { return choice }
    let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
    throw Problem(message: "must be one of \(names)")
  }
}
