import Glibc
import TerminalUI

/// Works out which cells to write so the screen shows a new buffer, given what it shows now.
///
/// It keeps the last frame as the screen holds it: each row normalised so that a wide glyph is
/// always followed by exactly one continuation cell, using the C library's idea of glyph widths
/// (what ncurses uses), so that a disagreement with the buffer cannot shift a row.
struct FramePlanner {
  /// One cell to write: a base scalar, its zero-width marks, and the style.
  struct Write: Hashable {
    var x: Int
    var y: Int
    var scalars: [Unicode.Scalar]
    var style: Style
  }

  /// ncurses keeps at most this many scalars per cell, the terminating zero included.
  static let scalarsPerCell = 5

  private static let replacement: Unicode.Scalar = "\u{FFFD}"

  private let width: (Unicode.Scalar) -> Int
  private let asciiOnly: Bool
  private var screen = Size(width: 0, height: 0)
  private var shown: [Cell] = []
  private var lastBuffer: Buffer?

  /// A planner that measures glyphs with `width` (`wcwidth`: -1 unprintable, 0, 1 or 2) and,
  /// when `asciiOnly`, writes every glyph as one ASCII character (`AsciiFallback`).
  init(asciiOnly: Bool = false, width: @escaping (Unicode.Scalar) -> Int) {
    self.asciiOnly = asciiOnly
    self.width = width
  }

  /// Forgets the last frame: the screen is now `size` blank cells.
  mutating func reset(to size: Size) {
    screen = size
    shown = Array(repeating: .blank, count: size.width * size.height)
    lastBuffer = nil
  }

  /// The writes that turn the screen into `buffer`, left to right in each row; cells of the
  /// buffer beyond the screen are clipped, and screen cells beyond the buffer become blank.
  mutating func plan(_ buffer: Buffer) -> [Write] {
    var writes: [Write] = []
    for y in 0..<screen.height {
      if let lastBuffer, rowUnchanged(y, from: lastBuffer, to: buffer) { continue }
      let row = normalizedRow(y, of: buffer)
      let start = y * screen.width
      var dirty = Array(repeating: false, count: screen.width)
      for x in 0..<screen.width where row[x] != shown[start + x] {
        // A changed right half is redrawn by drawing its glyph.
        dirty[row[x].isContinuation ? x - 1 : x] = true
      }
      for x in 0..<screen.width where dirty[x] && !row[x].isContinuation {
        writes.append(Write(x: x, y: y, scalars: Array(row[x].glyph.unicodeScalars), style: row[x].style))
      }
      shown.replaceSubrange(start..<start + screen.width, with: row)
    }
    lastBuffer = buffer
    return writes
  }

  /// Whether row `y` holds the very same cells in both buffers, by their bytes.
  ///
  /// Identical bytes are equal cells: the same inline glyph (every one-cluster glyph fits a
  /// small string) or the same string storage, and the same style. Equal cells in different
  /// bytes only cost the row's cell-by-cell comparison with the screen, which is exact. Comparing
  /// the bytes keeps an idle frame's unchanged rows from comparing thousands of strings.
  private func rowUnchanged(_ y: Int, from old: Buffer, to new: Buffer) -> Bool {
    guard old.size == new.size else { return false }
    guard y < new.size.height else { return true }
    let range = y * new.size.width..<(y + 1) * new.size.width
    return old.cells[range].withUnsafeBytes { before in
      new.cells[range].withUnsafeBytes { after in
        guard before.count == after.count, let first = before.baseAddress, let second = after.baseAddress else {
          return before.count == after.count
        }
        return memcmp(first, second, before.count) == 0
      }
    }
  }

  /// Row `y` as the screen will hold it.
  private func normalizedRow(_ y: Int, of buffer: Buffer) -> [Cell] {
    var row = Array(repeating: Cell.blank, count: screen.width)
    var x = 0
    while x < screen.width {
      let cell = buffer[x, y]
      if cell.isContinuation {
        // A right half whose glyph is not there: show it as an empty cell.
        row[x] = Cell(" ", style: cell.style)
        x += 1
        continue
      }
      let (glyph, glyphWidth) = shape(cell.glyph)
      let bufferSaysWide = buffer[x + 1, y].isContinuation
      if glyphWidth == 2 {
        if bufferSaysWide && x + 1 < screen.width {
          row[x] = Cell(glyph, style: cell.style)
          row[x + 1] = .continuation
          x += 2
        } else {
          row[x] = Cell(String(Self.replacement), style: cell.style)
          x += 1
        }
      } else {
        row[x] = Cell(glyph, style: cell.style)
        if bufferSaysWide && x + 1 < screen.width { row[x + 1] = Cell(" ", style: cell.style) }
        x += bufferSaysWide ? 2 : 1
      }
    }
    return row
  }

  /// The glyph as ncurses can store it (a printable base, then zero-width marks) and its width.
  private func shape(_ glyph: String) -> (String, Int) {
    let utf8 = glyph.utf8
    if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F { return (glyph, 1) }
    var scalars = glyph.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return (" ", 1) }
    // Marks are dropped with their base: a wide glyph's right half is left blank.
    if asciiOnly { return (String(AsciiFallback.character(for: first)), 1) }
    var base = first
    var baseWidth = width(first)
    if baseWidth < 1 {
      base = Self.replacement
      baseWidth = 1
    }
    var kept = String.UnicodeScalarView()
    kept.append(base)
    var count = 1
    while let mark = scalars.next(), count < Self.scalarsPerCell - 1 {
      guard width(mark) == 0, mark.value >= 0x20 else { continue }
      kept.append(mark)
      count += 1
    }
    return (String(kept), min(baseWidth, 2))
  }
}
