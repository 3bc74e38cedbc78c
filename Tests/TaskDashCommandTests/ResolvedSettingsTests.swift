import Foundation
import TaskDashStore
import Testing

@testable import taskdash

/// Where each setting comes from: flag, environment variable, chosen environment, default
/// environment, taskdash's default.
@Suite struct ResolvedSettingsTests {
  static let file = """
    default: dev
    environments:
      dev:
        database: sqlite:~/dev.sqlite
        interval: 2
        theme: light
        sort:
          runs: status
      prod:
        database: host=${DB_HOST} dbname=agents user=ops password=${DB_PASSWORD:-} target_session_attrs=prefer-standby
        interval: 5
        statement_timeout: 30s
        connect_timeout: 12
      broken:
        database: postgres://${UNSET_HOST}/agents
    """

  /// The operator's home directory as the tests give it (nothing is read from it).
  static let home = FileManager.default.temporaryDirectory.appendingPathComponent("taskdash-home-\(UUID())").path
  /// A config file that is not there.
  static let missingConfig = home + "/no-config.yaml"

  /// Resolves with the file above at TASKDASH_CONFIG, and `variables` besides.
  static func resolve(_ flags: ResolvedSettings.Flags = .init(), _ variables: [String: String] = [:]) throws
    -> ResolvedSettings
  {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.path + "/config.yaml"
    try Data(file.utf8).write(to: URL(fileURLWithPath: path))
    let base = ["TASKDASH_CONFIG": path, "HOME": Self.home]
    return try ResolvedSettings.resolve(flags: flags, variables: base.merging(variables) { $1 })
  }

  @Test func withoutAChoiceTheDefaultEnvironmentApplies() throws {
    let settings = try Self.resolve()
    #expect(settings.environment == Setting(value: "dev", source: .defaultEnvironment("dev")))
    #expect(
      settings.database == Setting(value: .sqlite(path: Self.home + "/dev.sqlite"), source: .defaultEnvironment("dev")))
    #expect(settings.interval == Setting(value: 2, source: .defaultEnvironment("dev")))
    #expect(settings.runsSort == Setting(value: .status, source: .defaultEnvironment("dev")))
    #expect(settings.tasksSort.source == .builtIn)
    #expect(settings.targetLabel == "dev · sqlite:" + Self.home + "/dev.sqlite")
  }

  @Test func aChosenEnvironmentWinsOverTheDefaultOneWhichStillFillsItsGaps() throws {
    for (flags, variables, source) in [
      (ResolvedSettings.Flags(environment: "prod"), ["TASKDASH_ENV": "dev"], SettingSource.flag("--env")),
      (ResolvedSettings.Flags(), ["TASKDASH_ENV": "prod"], .variable("TASKDASH_ENV")),
    ] {
      let settings = try Self.resolve(flags, variables.merging(["DB_HOST": "db.internal"]) { $1 })
      #expect(settings.environment == Setting(value: "prod", source: source))
      #expect(settings.database.source == .environment("prod"))
      #expect(settings.interval == Setting(value: 5, source: .environment("prod")))
      #expect(settings.theme == Setting(value: .light, source: .defaultEnvironment("dev")))
      #expect(settings.runsSort.value == .status)
      let target = settings.target
      let expected = "host=db.internal dbname=agents user=ops password= target_session_attrs=prefer-standby"
      #expect(
        target == .postgres(expected, limits: SessionLimits(connectTimeoutSeconds: 12, statementTimeout: .seconds(30))))
    }
  }

  @Test func flagsBeatVariablesWhichBeatTheFile() throws {
    let variables = ["TASKDASH_THEME": "mono", "TASKDASH_DATABASE_URL": "sqlite:/var/own.sqlite"]
    let byVariables = try Self.resolve(.init(), variables)
    #expect(byVariables.theme == Setting(value: .mono, source: .variable("TASKDASH_THEME")))
    #expect(
      byVariables.database
        == Setting(value: .sqlite(path: "/var/own.sqlite"), source: .variable("TASKDASH_DATABASE_URL")))
    #expect(byVariables.targetLabel == "sqlite:/var/own.sqlite")
    let byFlags = try Self.resolve(
      .init(databaseURL: "sqlite:/flag.sqlite", environment: "prod", interval: 0.5, theme: .dark), variables)
    #expect(byFlags.theme == Setting(value: .dark, source: .flag("--theme")))
    #expect(byFlags.interval == Setting(value: 0.5, source: .flag("--interval")))
    #expect(byFlags.database == Setting(value: .sqlite(path: "/flag.sqlite"), source: .flag("--database-url")))
  }

  /// The generic variables come after the file, which refers to them: DB_HOST must not turn
  /// the chosen environment into a string built from DB_* alone.
  @Test func theGenericDatabaseVariablesComeAfterTheFileAndBeforeTheEmbeddedDefault() throws {
    let generic = ["DATABASE_URL": "postgres://web@app/site", "DB_HOST": "db.internal"]
    #expect(try Self.resolve(.init(environment: "prod"), generic).database.source == .environment("prod"))
    #expect(try Self.resolve(.init(), generic).database.source == .defaultEnvironment("dev"))
    let withoutFile = try ResolvedSettings.resolve(
      flags: .init(), variables: ["TASKDASH_CONFIG": Self.missingConfig].merging(generic) { $1 })
    #expect(
      withoutFile.database == Setting(value: .postgres("postgres://web@app/site"), source: .variable("DATABASE_URL")))
    #expect(withoutFile.hasConfigFile == false)
    let bare = try ResolvedSettings.resolve(
      flags: .init(), variables: ["TASKDASH_CONFIG": Self.missingConfig, "HOME": Self.home])
    #expect(
      bare.database
        == Setting(value: .sqlite(path: Self.home + "/.local/share/taskdash/taskdash.sqlite"), source: .builtIn)
    )
    #expect(bare.theme == Setting(value: .dark, source: .builtIn))
    #expect(bare.interval == Setting(value: 1, source: .builtIn))
    #expect(bare.target == bare.database.value)
  }

  @Test func anEnvironmentTheFileDoesNotHaveIsAUsageErrorNeverAnotherDatabase() throws {
    #expect(throws: ConfigError.self) { try Self.resolve(.init(environment: "staging")) }
    do {
      _ = try Self.resolve(.init(), ["TASKDASH_ENV": "staging"])
    } catch let error as ConfigError {
      #expect(error.status == 64)
      #expect(error.problem == "TASKDASH_ENV: no environment is called 'staging' (the file has: dev, prod, broken)")
    }
    let noFile = ["TASKDASH_CONFIG": Self.missingConfig]
    #expect(throws: ConfigError.self) {
      try ResolvedSettings.resolve(flags: .init(environment: "dev"), variables: noFile)
    }
  }

  @Test func anUnsetVariableIsAnErrorOnlyInTheEnvironmentInUse() throws {
    #expect(try Self.resolve(.init(environment: "prod"), ["DB_HOST": "h"]).database.source == .environment("prod"))
    do {
      _ = try Self.resolve(.init(environment: "broken"))
      Issue.record("an unset variable resolved")
    } catch let error as ConfigError {
      #expect(error.line == 15)
      #expect(error.problem == "database: ${UNSET_HOST} is not set in the environment")
      #expect(error.status == 78)
    }
  }

  @Test func theReportMasksPasswordsAndNamesEverySource() throws {
    let settings = try Self.resolve(.init(environment: "prod"), ["DB_HOST": "h", "DB_PASSWORD": "hunter2"])
    let report = ConfigShowCommand.report(settings)
    #expect(!report.contains("hunter2"))
    #expect(report.contains("password=****") || report.contains("password='****'"), "\(report)")
    let lines = report.split(separator: "\n")
    #expect(lines.count == 12)
    #expect(lines.contains { $0.hasPrefix("environment") && $0.hasSuffix("--env") })
    #expect(
      lines.contains { $0.hasPrefix("statement_timeout") && $0.contains("30s") && $0.hasSuffix("environment prod") })
    #expect(lines.contains { $0.hasPrefix("theme") && $0.hasSuffix("default environment dev") })
    #expect(lines.contains { $0.hasPrefix("sort.tasks") && $0.hasSuffix("built in") })
  }
}
