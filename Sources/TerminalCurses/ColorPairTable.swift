import TerminalUI

/// Hands out one ncurses colour pair per (foreground, background), defining each on first use.
///
/// Pair 0 is the terminal's own colours and is never redefined. When the terminal has fewer
/// pairs than the styles need, a style falls back to its foreground on the default background,
/// and then to pair 0, instead of recycling a pair that cells on screen still use.
struct ColorPairTable {
  /// A pair that must be defined with `init_pair` before it is used.
  struct Definition: Hashable {
    var pair: Int16
    var foreground: Int16
    var background: Int16
  }

  private struct Key: Hashable {
    var foreground: Int16
    var background: Int16
  }

  private let capacity: Int
  private let defaultColors: Bool
  private var pairs: [Key: Int16] = [:]
  private var nextPair: Int16 = 1

  /// A table for a terminal with `capacity` pairs (COLOR_PAIRS); `defaultColors` says whether
  /// `use_default_colors` succeeded, so that -1 means "the terminal's own colour".
  init(capacity: Int, defaultColors: Bool) {
    self.capacity = min(capacity, Int(Int16.max))
    self.defaultColors = defaultColors
    pairs[key(.default, .default)] = 0
  }

  /// The pair for `foreground` on `background`, and its definition when it is new.
  mutating func pair(foreground: Color, background: Color) -> (pair: Int16, definition: Definition?) {
    let wanted = key(foreground, background)
    if let pair = pairs[wanted] { return (pair, nil) }
    guard Int(nextPair) < capacity else {
      return (pairs[key(foreground, .default)] ?? 0, nil)
    }
    let pair = nextPair
    nextPair += 1
    pairs[wanted] = pair
    return (pair, Definition(pair: pair, foreground: wanted.foreground, background: wanted.background))
  }

  private func key(_ foreground: Color, _ background: Color) -> Key {
    Key(
      foreground: Self.number(foreground, foreground: true, defaultColors: defaultColors),
      background: Self.number(background, foreground: false, defaultColors: defaultColors))
  }

  /// The curses colour number; the terminal's default is -1, or white on black without
  /// default-colour support (what pair 0 is then).
  static func number(_ color: Color, foreground: Bool, defaultColors: Bool) -> Int16 {
    guard color == .default else { return Int16(color.rawValue) }
    if defaultColors { return -1 }
    return foreground ? 7 : 0
  }

  /// Whether NO_COLOR (https://no-color.org) turns colours off: set and not empty.
  static func isDisabled(byNoColor value: String?) -> Bool {
    guard let value else { return false }
    return !value.isEmpty
  }
}
