/// The ASCII stand-in for a glyph, for a terminal whose locale is not UTF-8.
///
/// Such a terminal's character set is unknown, and the bytes of UTF-8 read in an 8-bit set
/// include C1 controls, so only ASCII reaches it. The dashboard's own glyphs (frames,
/// sparklines, status marks) keep their shape; any other character becomes `?`.
enum AsciiFallback {
  /// The printable ASCII character drawn in place of `scalar`.
  static func character(for scalar: Unicode.Scalar) -> Character {
    switch scalar.value {
    case 0x20..<0x7F: Character(scalar)
    case 0x2500, 0x2501, 0x2014, 0x2013: "-"
    case 0x2502, 0x2503, 0x258F, 0x2016: "|"
    case 0x250C...0x254B: "+"
    case 0x2581...0x2588: sparkline[Int(scalar.value - 0x2581)]
    case 0x2800...0x28FF: braille(dots: scalar.value - 0x2800)
    case 0x2026: "~"
    case 0x00B7: "."
    case 0x00D7, 0x2717: "x"
    case 0x00B1: "+"
    case 0x26A0: "!"
    case 0x2192, 0x203A, 0x25B8: ">"
    case 0x2190: "<"
    case 0x2191: "^"
    case 0x2193: "v"
    case 0x25CF: "*"
    case 0x25CB: "o"
    case 0x2713: "+"
    case 0x29D7: "%"
    case 0x2298: "/"
    default: "?"
    }
  }

  /// A braille cell of a chart as the rows its dots reach: the upper half `'`, the lower `.`,
  /// both `|`, none a space (half the vertical detail, the same shape).
  private static func braille(dots: UInt32) -> Character {
    let upper = dots & 0x1B != 0
    let lower = dots & 0xE4 != 0
    switch (upper, lower) {
    case (true, true): return "|"
    case (true, false): return "'"
    case (false, true): return "."
    case (false, false): return " "
    }
  }

  /// The eight block heights of a sparkline, lowest first, as rising ASCII shapes.
  private static let sparkline: [Character] = ["_", ".", ":", "-", "=", "+", "*", "#"]
}
