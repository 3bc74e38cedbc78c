import ArgumentParser
import Foundation
import TaskDashUI
import TerminalUI

/// `--theme dark|light|mono`: the dashboard's look, for the terminal's background.
///
/// The flag wins, then `TASKDASH_THEME`, then dark. A terminal that draws no colour (NO_COLOR
/// included) is drawn in mono whatever was chosen.
struct ThemeOption: ParsableArguments {
  /// The themes by name.
  enum Name: String, ExpressibleByArgument, CaseIterable {
    case dark, light, mono

    /// The theme itself.
    var theme: Theme {
      switch self {
      case .dark: .standard
      case .light: .light
      case .mono: .monochrome
      }
    }
  }

  @Option(help: "dark, light (for a light terminal background) or mono; else TASKDASH_THEME, else dark.")
  var theme: Name?

  /// The environment variable that chooses a theme when the flag does not.
  static let variable = "TASKDASH_THEME"

  func validate() throws {
    _ = try chosen(in: ProcessInfo.processInfo.environment)
  }

  /// The theme chosen by the flag, else by `TASKDASH_THEME` in `environment`, else dark; a value
  /// of the variable that names no theme is a usage error. (The dashboard also reads the config
  /// file, between the variable and dark: `ResolvedSettings`.)
  func chosen(in environment: [String: String]) throws -> Name {
    try theme ?? Self.fromVariable(in: environment) ?? .dark
  }

  /// The theme `TASKDASH_THEME` names in `environment`, nil when it is unset or empty.
  static func fromVariable(in environment: [String: String]) throws -> Name? {
    guard let value = environment[Self.variable], !value.isEmpty else { return nil }
    guard let name = Name(rawValue: value.lowercased()) else {
      let names = Name.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("\(Self.variable) must be one of \(names), not '\(TerminalText.sanitize(value))'")
    }
    return name
  }
}
