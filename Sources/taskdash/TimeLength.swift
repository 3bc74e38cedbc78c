import Foundation

import ArgumentParser

/// A length of time given on the command line or in the config file: `90`, `90s`, `5m`, `2h`,
/// `30d`, `2w`, or `500ms`.
struct TimeLength: ExpressibleByArgument, Hashable, Sendable {
  /// Seconds.
  let seconds: Double
  /// As it was given, for messages.
  let text: String

  init?(argument: String) {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
    var text = Substring(argument.trimmingCharacters(in: .whitespaces).lowercased())
    var scale = 1.0
    if text.hasSuffix("ms") {
      scale = 0.001
      text = text.dropLast(2)
    } else if let last = text.last, let unit = units[last] {
      scale = unit
      text = text.dropLast()
    }
    guard let value = Double(text), value.isFinite, value > 0 else { return nil }
    seconds = value * scale
    self.text = argument
  }

  /// `seconds` the way a config file would give it: `500ms`, `5s`, `2.5s`.
  static func format(seconds: Double) -> String {
    if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
    let hundredths = (seconds * 100).rounded() / 100
    return hundredths == hundredths.rounded() ? "\(Int(hundredths))s" : "\(hundredths)s"
  }
}
