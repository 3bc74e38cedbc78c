/// Re-indents JSON text byte by byte, keeping key order, numbers and string escapes as
/// written.
///
/// It never fails on text that is not JSON (it re-indents as far as the brackets allow), and
/// its output is bounded: indentation stops growing past `maxDepth` levels, and it gives up
/// (returns nil) when the output would exceed `limit` bytes.
enum JSONReindenter {
  /// Nesting beyond this is not indented further, so deep nesting cannot blow up the output.
  static let maxDepth = 32

  /// Whether `bytes` looks like one JSON object or array (first and last significant bytes).
  static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
    let significant = { (byte: UInt8) in !whitespace.contains(byte) }
    guard let first = bytes.first(where: significant), let last = bytes.last(where: significant) else {
      return false
    }
    return (first == open(.object) && last == close(.object)) || (first == open(.array) && last == close(.array))
  }

  /// The re-indented text (two spaces per level), or nil when it would exceed `limit` bytes.
  static func reindent(_ input: [UInt8], limit: Int) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(min(limit, input.count * 2))
    var depth = 0
    var index = 0
    var spaceSeen = false

    func newline() {
      output.append(UInt8(ascii: "\n"))
      output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * min(depth, maxDepth)))
    }
    func nextSignificant(after position: Int) -> UInt8? {
      input[position...].first { !whitespace.contains($0) }
    }

    while index < input.count {
      if output.count > limit { return nil }
      let byte = input[index]
      index += 1
      if whitespace.contains(byte) {
        spaceSeen = true
        continue
      }
      defer { spaceSeen = false }
      switch byte {
      case open(.object), open(.array):
        output.append(byte)
        let closer = byte == open(.object) ? close(.object) : close(.array)
        if nextSignificant(after: index) == closer {
          // An empty container stays on one line.
          index = input[index...].firstIndex(of: closer)! + 1
          output.append(closer)
        } else {
          depth += 1
          newline()
        }
      case close(.object), close(.array):
        depth = max(0, depth - 1)
        newline()
        output.append(byte)
      case UInt8(ascii: ","):
        output.append(byte)
        newline()
      case UInt8(ascii: ":"):
        output.append(contentsOf: [byte, UInt8(ascii: " ")])
      case UInt8(ascii: "\""):
        if spaceSeen, let last = output.last, !structural.contains(last), !whitespace.contains(last) {
          output.append(UInt8(ascii: " "))
        }
        output.append(byte)
        var escaped = false
        while index < input.count {
          let inner = input[index]
          index += 1
          output.append(inner)
          if escaped {
            escaped = false
          } else if inner == UInt8(ascii: "\\") {
            escaped = true
          } else if inner == UInt8(ascii: "\"") {
            break
          }
        }
      default:
        // A bare word (number, true, false, null, or text that is not JSON); words that were
        // apart stay apart.
        if spaceSeen, let last = output.last, !structural.contains(last), !whitespace.contains(last) {
          output.append(UInt8(ascii: " "))
        }
        output.append(byte)
        while index < input.count, !whitespace.contains(input[index]), !structural.contains(input[index]),
          input[index] != UInt8(ascii: "\"")
        {
          output.append(input[index])
          index += 1
        }
      }
    }
    return output.count > limit ? nil : output
  }

  // MARK: - Private

  private enum Container { case object, array }

  private static let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
  private static let structural: Set<UInt8> = Set("{}[],:".utf8)

  private static func open(_ container: Container) -> UInt8 {
    container == .object ? UInt8(ascii: "{") : UInt8(ascii: "[")
  }

  private static func close(_ container: Container) -> UInt8 {
    container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
  }
}
