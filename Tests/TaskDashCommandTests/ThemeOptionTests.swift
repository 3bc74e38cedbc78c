import ArgumentParser
import Testing

@testable import taskdash

/// `--theme` wins, then `TASKDASH_THEME`, then dark; a bad value is a usage error.
@Suite struct ThemeOptionTests {
  @Test func theFlagWinsThenTheVariableThenDark() throws {
    let light = ["TASKDASH_THEME": "Light"]
    #expect(try ThemeOption.parse(["--theme", "mono"]).chosen(in: light) == .mono)
    #expect(try ThemeOption.parse([]).chosen(in: light) == .light)
    #expect(try ThemeOption.parse([]).chosen(in: [:]) == .dark)
    #expect(try ThemeOption.parse([]).chosen(in: ["TASKDASH_THEME": ""]) == .dark)
  }

  @Test func aThemeThatDoesNotExistIsAUsageError() throws {
    #expect(throws: ValidationError.self) {
      try ThemeOption.parse([]).chosen(in: ["TASKDASH_THEME": "solarized\u{1B}[2J"])
    }
    do {
      _ = try ThemeOption.parse([]).chosen(in: ["TASKDASH_THEME": "solarized\u{1B}[2J"])
    } catch let error as ValidationError {
      #expect(error.message == "TASKDASH_THEME must be one of dark, light, mono, not 'solarized\\x1b[2J'")
    }
    #expect(throws: (any Error).self) { try TaskDash.parseAsRoot(["watch", "--theme", "solarized"]) }
  }
}
