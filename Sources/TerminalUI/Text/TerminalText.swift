/// The one gate between text from the database and the screen: sanitizing, measuring and
/// truncating.
///
/// Every function here takes text as it came (possibly hostile) and behaves as if it had
/// been sanitized first, so widths, truncation and drawing always agree.
///
/// Mark scheme (psql's aligned output is the model):
/// - `\t`, `\n`, `\r` for tab, line feed and carriage return;
/// - `\xNN` (two lowercase hex digits) for every other C0 control and DEL: ESC is `\x1b`,
///   backspace `\x08`, NUL `\x00`;
/// - `<U+XXXX>` (uppercase hex, at least four digits) for C1 controls (`<U+009B>`), line and
///   paragraph separators, bidirectional controls (`<U+202E>`) and invisible format
///   characters (`<U+200B>`, `<U+FEFF>`, `<U+E0041>`);
/// - U+FFFD for each maximal subpart of malformed UTF-8;
/// - `…` for the rest of a line cut at the length limit;
/// - U+25CC DOTTED CIRCLE put under a combining mark that has no base character.
///
/// Nothing is dropped silently: combining marks beyond `maxCombiningMarks` on one character
/// are left out (so that a pile of them cannot hang the renderer) and counted in the
/// `Report`. Variation selectors and text with no control characters (Arabic, Hebrew, CJK,
/// emoji) pass unchanged. In the multi-line variants `\n` and `\r\n` end a line; a lone `\r`
/// is a mark.
public enum TerminalText {
  /// Combining marks kept on one character; further ones are left out and counted.
  public static let maxCombiningMarks = 4
  /// Scalars kept in one grapheme cluster, base included.
  public static let maxClusterScalars = 8
  /// Scalars of one line read by default; the rest of the line becomes `…`.
  public static let defaultLineLimit = 16_384

  // MARK: - Sanitizing

  /// `string` with every control, bidirectional and invisible character replaced by its mark.
  public static func sanitize(_ string: some StringProtocol, limit: Int = defaultLineLimit) -> String {
    joined(TextScanner(StringScalarSource(substring(string)), lineBreaks: false, lineLimit: limit))
  }

  /// `bytes` decoded as UTF-8 (U+FFFD for each maximal malformed subpart), then sanitized.
  public static func sanitize(bytes: some Sequence<UInt8>, limit: Int = defaultLineLimit) -> String {
    withBuffer(bytes) { joined(TextScanner(UTF8ScalarSource($0), lineBreaks: false, lineLimit: limit)) }
  }

  /// The lines of `string`, each sanitized; `limit` applies to each line.
  ///
  /// A final line break ends the last line rather than starting an empty one.
  public static func sanitizeLines(_ string: some StringProtocol, limit: Int = defaultLineLimit) -> [String] {
    scan(string, limit: limit).lineTexts
  }

  /// The lines of `bytes` decoded as UTF-8, each sanitized; `limit` applies to each line.
  public static func sanitizeLines(bytes: some Sequence<UInt8>, limit: Int = defaultLineLimit) -> [String] {
    scan(bytes: bytes, limit: limit).lineTexts
  }

  /// `string` sanitized into segments (data text and marks), with a report of what was found.
  ///
  /// With `lineBreaks` the result has one entry per line; without, exactly one line in which
  /// line feeds are marks.
  public static func scan(
    _ string: some StringProtocol, limit: Int = defaultLineLimit, lineBreaks: Bool = true
  ) -> Scan {
    collect(
      TextScanner(StringScalarSource(substring(string)), lineBreaks: lineBreaks, lineLimit: limit),
      lineBreaks: lineBreaks)
  }

  /// `bytes` decoded as UTF-8 and sanitized into segments, with a report of what was found.
  public static func scan(
    bytes: some Sequence<UInt8>, limit: Int = defaultLineLimit, lineBreaks: Bool = true
  ) -> Scan {
    withBuffer(bytes) {
      collect(TextScanner(UTF8ScalarSource($0), lineBreaks: lineBreaks, lineLimit: limit), lineBreaks: lineBreaks)
    }
  }

  // MARK: - Measuring

  /// Cells `string` takes once sanitized: wide characters two, combining marks none.
  public static func displayWidth(_ string: some StringProtocol) -> Int {
    if string.utf8.allSatisfy(isPrintableASCII) { return string.utf8.count }
    var scanner = TextScanner(StringScalarSource(substring(string)), lineBreaks: false, lineLimit: .max)
    var width = 0
    while let piece = scanner.next() {
      if case .segment(let segment) = piece {
        width += segment.text.reduce(0) { $0 + ScalarClass.width(of: $1) }
      }
    }
    return width
  }

  /// Cells one grapheme cluster takes once sanitized.
  public static func displayWidth(of character: Character) -> Int {
    if let first = character.unicodeScalars.first, ScalarClass.mark(for: first) == nil {
      let width = ScalarClass.width(of: character)
      if width > 0 { return width }
    }
    return displayWidth(String(character))
  }

  // MARK: - Truncating

  /// `string` sanitized and cut to at most `width` cells, ending in `ellipsis` when cut.
  ///
  /// Never splits a grapheme cluster; a wide character that would straddle the edge becomes
  /// a space. Reads only as much of `string` as the width needs.
  public static func truncate(_ string: some StringProtocol, toWidth width: Int, ellipsis: String = "…") -> String {
    fit(string, width: width, ellipsis: ellipsis).reduce(into: "") { $0 += $1.glyph }
  }

  /// `string` sanitized, truncated to `width` with `…`, and padded with spaces to exactly
  /// `width` cells on the side `alignment` leaves open.
  public static func pad(_ string: some StringProtocol, toWidth width: Int, alignment: Alignment = .left) -> String {
    let text: String
    let gap: Int
    if string.utf8.count <= width, string.utf8.allSatisfy(isPrintableASCII) {
      // Most table cells: already safe, one cell a character, and short enough.
      (text, gap) = (String(string), width - string.utf8.count)
    } else {
      let fitted = fit(string, width: width, ellipsis: "…")
      text = fitted.reduce(into: "") { $0 += $1.glyph }
      gap = max(0, width - fitted.reduce(0) { $0 + $1.width })
    }
    switch alignment {
    case .left: return text + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + text
    case .center:
      return String(repeating: " ", count: gap / 2) + text + String(repeating: " ", count: gap - gap / 2)
    }
  }

  /// One drawable grapheme cluster: what `fit` lays out.
  struct FittedCluster: Hashable, Sendable {
    var glyph: String
    var width: Int
    var kind: Segment.Kind
    /// Which of the texts given to `fit` the cluster came from.
    var part: Int = 0
  }

  /// `string` sanitized and laid out as clusters in at most `width` cells.
  static func fit(_ string: some StringProtocol, width: Int, ellipsis: String) -> [FittedCluster] {
    fit(CollectionOfOne(string), width: width, ellipsis: ellipsis)
  }

  /// `parts` sanitized and laid out one after another as clusters in at most `width` cells.
  ///
  /// Each part is read a bounded number of scalars per cell, so a line of ten megabytes or
  /// a character under a million combining marks costs about as much as what is shown.
  static func fit<Parts: Collection>(_ parts: Parts, width: Int, ellipsis: String) -> [FittedCluster]
  where Parts.Element: StringProtocol {
    guard width > 0 else { return [] }
    let perCell = (maxClusterScalars + 1) * 2
    let budget = width < Int.max / perCell - 1 ? (width + 1) * perCell : .max
    var kept: [FittedCluster] = []
    var used = 0
    for (part, string) in parts.enumerated() {
      if let simple = simplePrefix(string, covering: width - used) {
        for scalar in simple {
          if used == width {
            return closed(kept, used: used, width: width, ellipsis: ellipsis, part: part)
          }
          kept.append(FittedCluster(glyph: String(scalar), width: 1, kind: .text, part: part))
          used += 1
        }
        continue
      }
      var scanner = TextScanner(StringScalarSource(substring(string)), lineBreaks: false, lineLimit: budget)
      while let piece = scanner.next() {
        guard case .segment(let segment) = piece else { continue }
        for character in segment.text {
          let cells = ScalarClass.width(of: character)
          if used + cells > width {
            return closed(kept, used: used, width: width, ellipsis: ellipsis, part: part)
          }
          kept.append(FittedCluster(glyph: String(character), width: cells, kind: segment.kind, part: part))
          used += cells
        }
      }
    }
    return kept
  }

  /// Whether a UTF-8 byte is printable ASCII: text that sanitizes to itself, one cell a byte,
  /// and never joins a grapheme cluster with its neighbours.
  private static func isPrintableASCII(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F
  }

  /// Whether a scalar is its own sanitized form, takes one cell, and never joins a grapheme
  /// cluster with a neighbour that is simple too: printable ASCII, and the Latin-1 signs and
  /// letters, punctuation, arrows, box drawing, block elements, geometric shapes and braille the
  /// screens draw with (not the soft hyphen, the separators and bidi controls in those blocks,
  /// nor the two wide squares).
  static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20..<0x7F, 0xA1...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF,
      0x2500...0x25FC, 0x25FF, 0x2800...0x28FF:
      true
    default: false
    }
  }

  /// The scalars of `string` that decide how it fills `cells` cells, when all of them are
  /// simple (`isSimple`): the whole string when it fits, else one scalar more than fits (which
  /// shows that it is cut). Nil otherwise: then the scanner lays it out.
  ///
  /// Only those scalars are looked at, so a ten-megabyte value costs what is shown.
  private static func simplePrefix(_ string: some StringProtocol, covering cells: Int) -> [Unicode.Scalar]? {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(cells < 256 ? cells + 1 : 256)
    for scalar in string.unicodeScalars {
      guard isSimple(scalar) else { return nil }
      scalars.append(scalar)
      if scalars.count > cells { break }
    }
    return scalars
  }

  /// `kept` cut back so that `ellipsis` fits after it, with a space where a wide cluster
  /// would have straddled the edge.
  private static func closed(
    _ kept: [FittedCluster], used: Int, width: Int, ellipsis: String, part: Int
  ) -> [FittedCluster] {
    var kept = kept
    var used = used
    var tail: [FittedCluster] = []
    if !ellipsis.isEmpty && displayWidth(ellipsis) <= width {
      tail = fit(ellipsis, width: width, ellipsis: "")
    }
    let tailWidth = tail.reduce(0) { $0 + $1.width }
    while used > width - tailWidth, let last = kept.popLast() {
      used -= last.width
    }
    let gap = width - tailWidth - used
    let tailPart = kept.last?.part ?? part
    kept += Array(repeating: FittedCluster(glyph: " ", width: 1, kind: .text, part: tailPart), count: gap)
    return kept + tail.map { FittedCluster(glyph: $0.glyph, width: $0.width, kind: .text, part: tailPart) }
  }

  // MARK: - Collecting

  /// The text as a substring without copying a `String` or `Substring`, so that the
  /// scanner works on one concrete type.
  private static func substring(_ string: some StringProtocol) -> Substring {
    if let string = string as? String { return string[...] }
    if let string = string as? Substring { return string }
    return String(string)[...]
  }

  /// Runs `body` over the bytes in contiguous memory, copying them only when they are not.
  private static func withBuffer<Result>(
    _ bytes: some Sequence<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    if let result = bytes.withContiguousStorageIfAvailable(body) { return result }
    return Array(bytes).withUnsafeBufferPointer(body)
  }

  private static func joined<Source>(_ scanner: TextScanner<Source>) -> String {
    var scanner = scanner
    var text = ""
    while let piece = scanner.next() {
      if case .segment(let segment) = piece { text += segment.text }
    }
    return text
  }

  private static func collect<Source>(_ scanner: TextScanner<Source>, lineBreaks: Bool) -> Scan {
    var scanner = scanner
    var lines: [[Segment]] = [[]]
    while let piece = scanner.next() {
      switch piece {
      case .lineBreak:
        lines.append([])
      case .segment(let segment):
        if segment.kind == .text, let last = lines[lines.count - 1].last, last.kind == .text {
          lines[lines.count - 1][lines[lines.count - 1].count - 1].text += segment.text
        } else {
          lines[lines.count - 1].append(segment)
        }
      }
    }
    if lineBreaks && lines[lines.count - 1].isEmpty { lines.removeLast() }
    return Scan(lines: lines, report: scanner.report)
  }
}
