import Foundation

import ArgumentParser

/// A length of time given on the command line: `90`, `90s`, `5m`, `2h`, `30d` or `2w`.
struct TimeLength: ExpressibleByArgument, Hashable, Sendable {
  /// Seconds.
  let seconds: Double
  /// As it was given, for messages.
  let text: String

  init?(argument: String) {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
    var text = Substring(argument.trimmingCharacters(in: .whitespaces).lowercased())
    var scale = 1.0
    if let last = text.last, let unit = units[last] {
      scale = unit
      text = text.dropLast()
    }
    guard let value = Double(text), value.isFinite, value > 0 else { return nil }
    seconds = value * scale
    self.text = argument
  }
}
