import ArgumentParser
import TerminalUI

/// `taskdash config [show]`: every setting the dashboard would use, with its source.
struct ConfigShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Print the resolved settings with their sources (the default).")

  @OptionGroup var options: DashboardOptions

  func run() async throws {
    try await reportingFailures {
      let settings = try options.settings()
      print(Self.report(settings), terminator: "")
    }
  }

  /// The report: one setting a line, its value and its source in columns.
  static func report(_ settings: ResolvedSettings) -> String {
    var lines: [(String, String, String)] = [
      (
        "config file", settings.configPath,
        settings.hasConfigFile ? "" : "not there (taskdash config init writes one)"
      ),
      ("environment", settings.environment?.value ?? "none", settings.environment.map { "\($0.source)" } ?? ""),
    ]
    func add<Value>(_ name: String, _ setting: Setting<Value>, _ text: (Value) -> String) {
      lines.append((name, text(setting.value), "\(setting.source)"))
    }
    add("database", settings.database) { $0.description }
    add("interval", settings.interval) { TimeLength.format(seconds: $0) }
    add("theme", settings.theme) { $0.rawValue }
    add("mouse", settings.mouse) { $0 ? "on" : "off" }
    add("sort.tasks", settings.tasksSort) { $0.rawValue }
    add("sort.runs", settings.runsSort) { $0.rawValue }
    add("sort.metrics", settings.metricsSort) { $0.rawValue }
    add("sort.artifacts", settings.artifactsSort) { $0.rawValue }
    add("statement_timeout", settings.statementTimeout) { TimeLength.format(seconds: $0 / .seconds(1)) }
    add("connect_timeout", settings.connectTimeout) { TimeLength.format(seconds: Double($0)) }
    // Values from the file and the environment pass the sanitizer like any text on a terminal.
    let shown = lines.map { ($0.0, TerminalText.sanitize($0.1), $0.2) }
    let nameWidth = shown.map { TerminalText.displayWidth($0.0) }.max() ?? 0
    let valueWidth = shown.map { TerminalText.displayWidth($0.1) }.max() ?? 0
    return shown.map { name, value, source in
      let row =
        TerminalText.pad(name, toWidth: nameWidth + 2)
        + (source.isEmpty ? value : TerminalText.pad(value, toWidth: valueWidth + 2) + source)
      return row + "\n"
    }.joined()
  }
}
