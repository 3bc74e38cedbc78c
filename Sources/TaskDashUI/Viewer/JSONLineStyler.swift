/// Colours one line of (already indented) JSON: keys, strings, numbers, literals, punctuation.
///
/// The view-model re-indents small JSON documents; this only assigns roles, keeping every
/// character of the line, so it also works on a window of a huge or broken document.
public struct JSONLineStyler: Sendable {
  /// Creates a styler.
  public init() {}

  /// The line's spans; their texts join back to `line` exactly.
  public func format(_ line: Substring) -> ViewerLine {
    var spans: [ViewerLine.Span] = []
    var rest = line.unicodeScalars[...]
    while let scalar = rest.first {
      switch scalar {
      case "\"":
        let string = Self.takeString(&rest)
        let isKey = rest.first(where: { $0 != " " && $0 != "\t" }) == ":"
        spans.append(.init(string, isKey ? .jsonKey : .jsonString))
      case "{", "}", "[", "]", ",", ":":
        rest.removeFirst()
        spans.append(.init(String(scalar), .punctuation))
      case " ", "\t":
        let blank = rest.prefix(while: { $0 == " " || $0 == "\t" })
        rest.removeFirst(blank.count)
        spans.append(.init(String(String.UnicodeScalarView(blank))))
      default:
        let word = rest.prefix(while: { !" \t,:{}[]\"".unicodeScalars.contains($0) })
        rest.removeFirst(word.count)
        let text = String(String.UnicodeScalarView(word))
        spans.append(.init(text, ["true", "false", "null"].contains(text) ? .jsonLiteral : .jsonNumber))
      }
    }
    return ViewerLine(spans)
  }

  /// A quoted string with its escapes as written, quotes included (unterminated: to the end).
  private static func takeString(_ scalars: inout Substring.UnicodeScalarView) -> String {
    var string = String.UnicodeScalarView()
    string.append(scalars.removeFirst())
    var escaped = false
    while let scalar = scalars.first {
      scalars.removeFirst()
      string.append(scalar)
      if escaped {
        escaped = false
      } else if scalar == "\\" {
        escaped = true
      } else if scalar == "\"" {
        break
      }
    }
    return String(string)
  }
}
