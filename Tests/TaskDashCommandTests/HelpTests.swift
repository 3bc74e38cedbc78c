import ArgumentParser
import Testing

@testable import taskdash

@Suite struct HelpTests {
  /// A command's words after `taskdash`, and the arguments and options its help must name.
  struct Command: Sendable, CustomTestStringConvertible {
    var path: [String]
    var names: [String]

    var testDescription: String { (["taskdash"] + path).joined(separator: " ") }
  }

  static let commands = [
    Command(path: ["watch"], names: ["--database-url", "--env", "--interval", "--notify", "--theme", "--no-mouse"]),
    Command(path: ["demo"], names: ["--database-url", "--interval", "--rate", "--notify", "--theme", "--no-mouse"]),
    Command(
      path: ["snapshot"],
      names: ["--database-url", "--env", "--format", "--limit", "--run", "--task", "--filter", "--fail-on"]),
    Command(path: ["wait"], names: ["<run>", "--timeout", "--interval", "--database-url"]),
    Command(
      path: ["export"], names: ["<kind>", "--format", "--since", "--task", "--filter", "--database-url", "--env"]),
    Command(path: ["migrate"], names: ["up", "down", "status", "check", "new", "adopt"]),
    Command(path: ["migrate", "up"], names: ["--database-url", "--to"]),
    Command(path: ["migrate", "down"], names: ["--database-url", "--steps", "--to", "--all"]),
    Command(path: ["migrate", "status"], names: ["--database-url"]),
    Command(path: ["migrate", "check"], names: ["--database-url"]),
    Command(path: ["migrate", "new"], names: ["<title>", "--directory"]),
    Command(path: ["migrate", "adopt"], names: ["--database-url", "--dry-run", "--undo"]),
    Command(
      path: ["seed"],
      names: [
        "--database-url", "--random-seed", "--force", "--reset", "--tasks", "--runs", "--metrics", "--artifacts",
        "--batch-size",
      ]),
    Command(path: ["simulate"], names: ["--database-url", "--rate", "--duration", "--tick", "--random-seed"]),
    Command(path: ["bench-refresh"], names: ["--database-url", "--cycles", "--warmup"]),
    Command(path: ["bench-reads"], names: ["--database-url", "--run", "--metric", "--repeats", "--warmup"]),
    Command(path: ["bench-push"], names: ["--database-url", "--inserts"]),
    Command(path: ["prune"], names: ["--database-url", "--older-than", "--dry-run", "--runs", "--by-delete"]),
    Command(path: ["maintain"], names: ["--database-url", "--retention", "--runs", "--days-ahead"]),
    Command(path: ["config"], names: ["show", "init"]),
    Command(path: ["config", "show"], names: ["--database-url", "--env", "--interval", "--theme", "--no-mouse"]),
    Command(path: ["config", "init"], names: ["--force"]),
  ]

  /// The subcommands `taskdash --help` lists; bench-refresh, bench-reads and bench-push exist for
  /// `make bench` only.
  static let shown = [
    "watch", "demo", "snapshot", "export", "wait", "migrate", "seed", "simulate", "prune", "maintain", "config",
  ]

  /// Every command path in the tree under `command`.
  static func paths(under command: any ParsableCommand.Type, prefix: [String] = []) -> [[String]] {
    command.configuration.subcommands.flatMap { subcommand in
      let path = prefix + [subcommand.configuration.commandName ?? ""]
      return [path] + paths(under: subcommand, prefix: path)
    }
  }

  /// The command at `path`, or nil.
  static func command(at path: [String]) -> (any ParsableCommand.Type)? {
    path.reduce(TaskDash.self as (any ParsableCommand.Type)?) { command, word in
      command?.configuration.subcommands.first { $0.configuration.commandName == word }
    }
  }

  /// What `taskdash WORDS` prints, when it stops before running one of taskdash's commands
  /// (help, version): parsed and run the way `main()` does.
  static func output(_ words: [String]) throws -> String {
    do {
      var parsed = try TaskDash.parseAsRoot(words)
      // `--help` parses to ArgumentParser's own help command, whose run throws the help screen.
      if !(parsed is any AsyncParsableCommand) { try parsed.run() }
    } catch {
      #expect(TaskDash.exitCode(for: error) == .success)
      return TaskDash.fullMessage(for: error, columns: 200)
    }
    Issue.record("taskdash \(words.joined(separator: " ")) would have run")
    return ""
  }

  /// The option and argument entries of a help screen that say nothing of their own: the
  /// text after the synopsis and on the indented lines below it, without the default and the
  /// values ArgumentParser adds by itself, is blank.
  static func undocumented(_ help: String) -> [String] {
    // The synopsis: `  -h, --name <value>`, `  --flag` or `  <argument>`.
    let synopsis = #/^  (-[a-z], )?(--[a-z0-9-]+|<[a-z0-9-]+>)( <[a-z0-9-]+>)?/#
    let generated = #/\((default|values): [^)]*\)/#
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return lines.indices.compactMap { index in
      guard let match = lines[index].prefixMatch(of: synopsis) else { return nil }
      let continuation = lines[(index + 1)...].prefix { $0.hasPrefix("    ") }
      let text = ([String(lines[index][match.range.upperBound...])] + continuation).joined(separator: " ")
      return text.replacing(generated, with: "").allSatisfy(\.isWhitespace) ? lines[index] : nil
    }
  }

  @Test func everyCommandHasAnEntryHere() {
    #expect(Set(Self.paths(under: TaskDash.self)) == Set(Self.commands.map(\.path)))
  }

  @Test(arguments: commands)
  func helpNamesAndDescribesEveryOption(_ command: Command) throws {
    let help = try Self.output(command.path + ["--help"])
    let abstract = try #require(Self.command(at: command.path)?.configuration.abstract)
    #expect(help.hasPrefix("OVERVIEW: \(abstract)\n"))
    #expect(help.contains("USAGE: taskdash \(command.path.joined(separator: " "))"))
    for name in command.names {
      #expect(help.contains("  \(name)"), "\(name) missing")
    }
    #expect(Self.undocumented(help).isEmpty, "\(Self.undocumented(help))")
    #expect(help == TaskDash.helpMessage(for: try #require(Self.command(at: command.path)), columns: 200))
  }

  @Test func rootHelpListsEveryShownSubcommandWithItsAbstract() throws {
    let help = try Self.output(["--help"])
    let subcommands = try #require(help.components(separatedBy: "SUBCOMMANDS:\n").last)
    for name in Self.shown {
      let abstract = try #require(Self.command(at: [name])?.configuration.abstract)
      let lines = subcommands.split(separator: "\n").filter { $0.hasPrefix("  \(name) ") }
      #expect(lines.count == 1 && lines.first?.hasSuffix(abstract) == true, "\(name): \(lines)")
    }
    #expect(subcommands.contains("  watch (default) "))
    #expect(!help.contains("bench-refresh") && !help.contains("bench-reads") && !help.contains("bench-push"))
    #expect(help == TaskDash.helpMessage(columns: 200))
  }

  @Test func versionPrintsTheVersion() throws {
    #expect(try Self.output(["--version"]) == "0.1.0")
  }
}
