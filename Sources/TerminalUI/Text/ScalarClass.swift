/// What a single Unicode scalar is, as far as drawing it on a terminal goes.
///
/// The wide table is written by hand from the East Asian Width data (W and F), with whole
/// blocks of CJK ideographs and pictographs taken as wide even where unassigned, so that a
/// newer character in an old table still measures two cells.
enum ScalarClass {
  // MARK: - Marks

  /// The visible mark for a scalar that must never reach the terminal as it is, or nil.
  static func mark(for scalar: Unicode.Scalar) -> (kind: TerminalText.Segment.Kind, text: String)? {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return nil }
    switch value {
    case 0x09: return (.control, "\\t")
    case 0x0A: return (.control, "\\n")
    case 0x0D: return (.control, "\\r")
    case 0x00..<0x20, 0x7F: return (.control, "\\x" + hex(value, digits: 2, uppercase: false))
    case 0x80...0x9F, 0x2028, 0x2029: return (.control, codePoint(value))
    default: break
    }
    if value < 0xAD { return nil }
    if isBidiControl(value) { return (.bidi, codePoint(value)) }
    if isInvisible(scalar) { return (.invisible, codePoint(value)) }
    return nil
  }

  /// The `<U+XXXX>` mark for a scalar shown by its code point.
  static func codePoint(_ value: UInt32) -> String {
    "<U+" + hex(value, digits: 4, uppercase: true) + ">"
  }

  private static func hex(_ value: UInt32, digits: Int, uppercase: Bool) -> String {
    let text = String(value, radix: 16, uppercase: uppercase)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// Embedding, override and isolate controls and the directional marks (Trojan Source).
  static func isBidiControl(_ value: UInt32) -> Bool {
    switch value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Characters that draw nothing but change what the text means or how it is measured.
  ///
  /// Every format character of Unicode 15.1 (zero-width space and joiners, word joiner,
  /// BOM, soft hyphen, interlinear annotation, tags, ...) except the visible prepended signs
  /// such as the Arabic number sign, plus the Hangul fillers that render as blank and the
  /// unassigned rest of the tag block.
  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00AD, 0x115F, 0x1160, 0x180E, 0x200B...0x200F, 0x2060...0x206F, 0x3164, 0xFEFF, 0xFFA0,
      0xFFF9...0xFFFB, 0x13430...0x1343F, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE00FF,
      0xE01F0...0xE0FFF:
      true
    default: false
    }
  }

  // MARK: - Width

  /// Whether the scalar extends the character before it (a combining mark of any kind).
  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    // Ranges with no combining mark at all (Latin, Greek, Cyrillic, symbols, Hangul, CJK,
    // kana, emoji) answer without a lookup in the character database.
    switch scalar.value {
    case 0..<0x300, 0x370...0x482, 0x48A...0x590, 0x1100...0x135C, 0x2100...0x2CEE, 0x3000...0x3029,
      0x3030...0x3098, 0x309B...0xA66E, 0xAC00...0xD7FF, 0xF900...0xFB1D, 0xFF00...0xFFFF, 0x1F000...0x1FFFF,
      0x20000...0x3FFFF:
      return false
    default: break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Hangul vowel and final jamo: zero width on their own, they only build syllables.
  static func isConjoiningJamo(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1160...0x11FF, 0xD7B0...0xD7FF: true
    default: false
    }
  }

  /// Regional indicators: a pair is a flag, drawn as one two-cell emoji.
  static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  /// Whether the scalar takes two cells: East Asian Wide or Fullwidth, or an emoji shown as one.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x1100 { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Cells a grapheme cluster takes, decided by its first scalar.
  ///
  /// A following U+FE0F asks for emoji presentation and so makes the cluster two cells.
  static func width(of cluster: Character) -> Int {
    let scalars = cluster.unicodeScalars
    guard let base = scalars.first else { return 0 }
    if base.value >= 0x20 && base.value < 0x7F && scalars.count == 1 { return 1 }
    if isCombiningMark(base) || isConjoiningJamo(base) { return 0 }
    if isWide(base) || isRegionalIndicator(base) { return 2 }
    if scalars.dropFirst().first == "\u{FE0F}" { return 2 }
    return 1
  }

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFF, 0x3000...0x303E,
    0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E5,
    0x31EF...0x321E, 0x3220...0x3247, 0x3250...0x4DBF, 0x4E00...0xA48C, 0xA490...0xA4C6,
    0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52,
    0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
    0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
    0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122,
    0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167,
    0x1B170...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
    0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
    0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335,
    0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
    0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
    0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
    0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F,
    0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7,
    0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
    0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
    0x1FA70...0x1FAFF, 0x20000...0x3FFFD,
  ]
}
