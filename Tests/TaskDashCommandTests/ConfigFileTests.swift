import Foundation
import Testing

@testable import taskdash

/// The config file: what it may say, and the one line each way of getting it wrong becomes.
@Suite struct ConfigFileTests {
  static let path = "config/example.yaml"

  /// The error parsing `text` gives, or nil when it parses.
  static func error(_ text: String) -> ConfigError? {
    do {
      _ = try ConfigFile.parse(text, path: path)
      return nil
    } catch {
      return error
    }
  }

  @Test func theExampleThatConfigInitWritesIsAGoodFile() throws {
    let file = try ConfigFile.parse(ConfigInitCommand.example, path: Self.path)
    #expect(file.defaultEnvironment?.text == "development")
    #expect(file.environments.map(\.name) == ["development", "testing", "staging", "production"])
    let development = try #require(file.environment(named: "development"))
    let settings = try development.settings(variables: ["HOME": ResolvedSettingsTests.home], path: Self.path)
    #expect(settings.interval == 1)
    #expect(settings.theme == .dark)
    #expect(settings.runsSort == .newest)
    #expect(file.environment(named: "staging")?.values[.statementTimeout]?.line == 32)
  }

  @Test func everySettingIsReadWithItsLine() throws {
    let file = try ConfigFile.parse(
      """
      environments:
        prod:
          database: postgres://ops@db/agents
          interval: 2.5
          theme: LIGHT
          sort:
            tasks: status
            runs: duration
            metrics: recent
            artifacts: size
          statement_timeout: 1500ms
          connect_timeout: 10s
      """, path: Self.path)
    let prod = try #require(file.environment(named: "prod"))
    #expect(prod.line == 2)
    #expect(prod.values[.database] == ConfigValue(text: "postgres://ops@db/agents", line: 3))
    let settings = try prod.settings(variables: [:], path: Self.path)
    #expect(
      settings
        == EnvironmentSettings(
          database: "postgres://ops@db/agents", interval: 2.5, theme: .light, tasksSort: .status, runsSort: .duration,
          metricsSort: .recent, artifactsSort: .size, statementTimeout: .milliseconds(1500), connectTimeout: 10))
  }

  /// Each malformed file: its one line, which names the file and the line, and never the
  /// value (a database string may hold a password).
  @Test(
    arguments: [
      ("environments:\n  a: [1, 2\n", 3, "YAML:"),
      ("default: a\nenvironments:\n  a:\n    database: x.db\n  a:\n    database: y.db\n", 3, "appears twice"),
      ("- just\n- a list\n", 1, "expected a mapping with default: and environments:"),
      ("colour: blue\n", 1, "unknown key 'colour'"),
      ("environments: staging\n", 1, "environments: expected a mapping of names"),
      ("environments:\n  staging: postgres://x\n", 2, "staging: expected a mapping of settings"),
      ("environments:\n  staging:\n    interval: 2\n", 2, "staging: has no database:"),
      ("environments:\n  staging:\n    database: x.db\n    intervl: 2\n", 4, "unknown setting 'intervl'"),
      ("environments:\n  s:\n    database:\n      - x.db\n", 4, "database: expected a single value"),
      ("environments:\n  s:\n    database: x.db\n    interval: 0.1\n", 4, "interval: must be between 0.25 and 60"),
      ("environments:\n  s:\n    database: x.db\n    interval: soon\n", 4, "interval: must be between"),
      ("environments:\n  s:\n    database: x.db\n    theme: solarized\n", 4, "theme: must be one of dark, light, mono"),
      ("environments:\n  s:\n    database: x.db\n    sort:\n      runs: oldest\n", 5, "sort.runs: must be one of"),
      ("environments:\n  s:\n    database: x.db\n    sort:\n      jobs: name\n", 5, "sort: unknown pane 'jobs'"),
      ("environments:\n  s:\n    database: x.db\n    statement_timeout: 60000\n", 4, "statement_timeout: must be"),
      ("environments:\n  s:\n    database: x.db\n    connect_timeout: 2.5\n", 4, "connect_timeout: must be whole"),
      ("environments:\n  s:\n    database: secretpw\n", 3, "expected a postgres:// URL"),
      ("environments:\n  s:\n    database: ''\n", 3, "database: is empty"),
      ("environments:\n  s:\n    database: ${1X}\n", nil, nil),
      ("default: prod\nenvironments:\n  s:\n    database: x.db\n", 1, "default: no environment is called 'prod'"),
      ("", nil, "is empty"),
    ] as [(String, Int?, String?)])
  func aMalformedFileIsOneLineNamingTheFileAndTheLine(text: String, line: Int?, problem: String?) throws {
    let error = Self.error(text)
    guard let problem else {
      // A value that refers to a variable is checked once expanded, for the environment in use.
      #expect(error == nil)
      return
    }
    let found = try #require(error, "\(text)")
    #expect(found.line == line, "\(found)")
    #expect(found.problem.contains(problem), "\(found)")
    #expect(found.status == 78)
    #expect(found.description.hasPrefix(Self.path + (line.map { ":\($0): " } ?? ": ")))
    #expect(!found.description.contains("\n"))
    #expect(!found.description.contains("secretpw"))
  }

  @Test func aYAMLSyntaxErrorDoesNotQuoteTheFile() throws {
    let found = try #require(Self.error("environments:\n  s:\n    database: \"postgres://u:hunter2@h/d\n"))
    #expect(found.problem.hasPrefix("YAML: "))
    #expect(!found.description.contains("hunter2"))
    #expect(!found.description.contains("\n"))
  }

  @Test func aMissingFileIsNoFileAndAnUnreadableOneIsAnError() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try ConfigFile.load(from: directory.path + "/none.yaml") == nil)
    // A directory where the file should be cannot be read.
    #expect(throws: ConfigError.self) { try ConfigFile.load(from: directory.path) }
    let binary = directory.appendingPathComponent("binary.yaml")
    try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: binary)
    #expect(throws: ConfigError(path: binary.path, line: nil, problem: "is not UTF-8 text")) {
      try ConfigFile.load(from: binary.path)
    }
  }

  @Test func configInitWritesTheExampleForItsOwnerAndKeepsAFileThatIsThere() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.path + "/taskdash/config.yaml"
    try ConfigInitCommand.write(to: path, replacing: false)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == ConfigInitCommand.example)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    try Data("default: x\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: ConfigError.self) { try ConfigInitCommand.write(to: path, replacing: false) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "default: x\n")
    try ConfigInitCommand.write(to: path, replacing: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == ConfigInitCommand.example)
  }
}
