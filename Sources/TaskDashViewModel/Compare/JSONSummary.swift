/// A JSON value written on one line from its tokens, compact, cut at `width` characters:
/// what a difference shows of a value.
///
/// Strings are quoted with `"` and `\` escaped; other characters stay as they are (the UI's
/// sanitizer shows control characters as marks).
struct JSONSummary {
  /// The characters a summary keeps.
  static let width = 120

  private(set) var text = ""
  private var count = 0
  /// Whether a separator goes before the next value (after a value inside a container).
  private var needsComma = false

  /// Whether the summary is cut (later tokens add nothing).
  var isFull: Bool { count > Self.width }

  /// Adds a token.
  mutating func add(_ token: JSONToken) {
    switch token {
    case .beginObject: value("{", opens: true)
    case .beginArray: value("[", opens: true)
    case .endObject: close("}")
    case .endArray: close("]")
    case .key(let name):
      value(Self.quoted(name), opens: false)
      write(":")
      needsComma = false
    case .string(let text): value(Self.quoted(text), opens: false)
    case .number(let text): value(Self.cut(text), opens: false)
    case .bool(let flag): value(flag ? "true" : "false", opens: false)
    case .null: value("null", opens: false)
    }
  }

  /// `text` in JSON quotes; a cut text ends with "…".
  static func quoted(_ text: JSONText) -> String {
    var result = "\""
    for character in text.prefix {
      if character == "\"" || character == "\\" { result.append("\\") }
      result.append(character)
    }
    return result + (text.isWhole ? "\"" : "…\"")
  }

  private static func cut(_ text: JSONText) -> String {
    text.isWhole ? text.prefix : text.prefix + "…"
  }

  private mutating func value(_ piece: String, opens: Bool) {
    if needsComma { write(",") }
    write(piece)
    needsComma = !opens
  }

  private mutating func close(_ piece: String) {
    write(piece)
    needsComma = true
  }

  private mutating func write(_ piece: String) {
    guard !isFull else { return }
    for character in piece {
      if count == Self.width {
        text.append("…")
        count += 1
        return
      }
      text.append(character)
      count += 1
    }
  }
}
