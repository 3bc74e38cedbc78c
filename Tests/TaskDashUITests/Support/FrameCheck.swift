import TerminalUI

/// What every frame must be, whatever the data: rows exactly as wide as the terminal, wide
/// glyphs whole, and nothing in any cell that a terminal would act on.
enum FrameCheck {
  /// The problems found in `buffer`, one line each; empty when the frame is sound.
  static func problems(in buffer: Buffer) -> [String] {
    var problems: [String] = []
    let size = buffer.size
    if buffer.cells.count != size.width * size.height {
      problems.append("\(buffer.cells.count) cells for \(size.width)×\(size.height)")
    }
    for y in 0..<size.height {
      var width = 0
      var x = 0
      while x < size.width {
        let cell = buffer[x, y]
        guard !cell.isContinuation else {
          problems.append("row \(y): a continuation cell at \(x) follows no wide glyph")
          x += 1
          continue
        }
        if cell.glyph.count != 1 { problems.append("row \(y), column \(x): \(cell.glyph.count) graphemes in a cell") }
        if let scalar = cell.glyph.unicodeScalars.first(where: isForbidden) {
          problems.append("row \(y), column \(x): U+\(String(scalar.value, radix: 16, uppercase: true)) in a cell")
        }
        let cells = TerminalText.displayWidth(of: Character(cell.glyph.isEmpty ? " " : cell.glyph))
        if cells == 2 {
          if x + 1 < size.width && buffer[x + 1, y].isContinuation {
            x += 2
            width += 2
            continue
          }
          problems.append("row \(y): the wide glyph at \(x) has no right half")
        } else if cells != 1 {
          problems.append("row \(y), column \(x): a glyph \(cells) cells wide")
        }
        width += 1
        x += 1
      }
      if width != size.width { problems.append("row \(y) is \(width) cells wide, not \(size.width)") }
    }
    return problems
  }

  /// Scalars a terminal would act on or that change how text around them is shown: C0, DEL,
  /// C1, line and paragraph separators, bidi controls and every other format character.
  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: true
    default: false
    }
  }
}
