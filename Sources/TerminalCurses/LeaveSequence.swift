/// The bytes that take a terminal out of curses mode, built from its terminfo strings.
///
/// They are computed once at start so that a crash handler can write them without calling
/// anything that is not async-signal-safe.
enum LeaveSequence {
  /// Attributes off, cursor visible, keypad back to normal, alternate screen left; in that
  /// order, so the last word belongs to the screen the shell returns to.
  static func bytes(sgr0: String, cnorm: String, rmkx: String, rmcup: String) -> [UInt8] {
    [sgr0, cnorm, rmkx, rmcup].flatMap { withoutPadding(Array($0.utf8)) }
  }

  /// Removes terminfo padding (`$<5>`, `$<2.5*/>`): it asks tputs for a delay, not for bytes.
  static func withoutPadding(_ capability: [UInt8]) -> [UInt8] {
    let dollar = UInt8(ascii: "$")
    let open = UInt8(ascii: "<")
    var result: [UInt8] = []
    var index = 0
    while index < capability.count {
      if capability[index] == dollar, index + 1 < capability.count, capability[index + 1] == open,
        let end = paddingEnd(capability, from: index + 2)
      {
        index = end + 1
        continue
      }
      result.append(capability[index])
      index += 1
    }
    return result
  }

  /// The index of the `>` that closes a padding spec starting at `start`, if it is one.
  private static func paddingEnd(_ bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    var digits = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits += 1
      case UInt8(ascii: "."), UInt8(ascii: "*"), UInt8(ascii: "/"):
        break
      case UInt8(ascii: ">"):
        return digits > 0 ? index : nil
      default:
        return nil
      }
      index += 1
    }
    return nil
  }
}
