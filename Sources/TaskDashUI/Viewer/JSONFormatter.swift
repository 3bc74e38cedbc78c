/// Pretty-prints JSON by re-indenting its tokens, keeping the document's key order.
///
/// It never fails: text that is not JSON comes out re-indented as far as its brackets allow,
/// because an artifact labelled JSON may be truncated or hand-written.
public struct JSONFormatter: Sendable {
  /// Spaces per nesting level.
  public var indent: Int

  /// Creates a formatter.
  public init(indent: Int = 2) {
    self.indent = indent
  }

  /// The pretty-printed, styled lines of `text`.
  public func format(_ text: String) -> [ViewerLine] {
    var lines: [ViewerLine] = []
    var spans: [ViewerLine.Span] = []
    var depth = 0
    var scalars = text.unicodeScalars[...]

    func newline() {
      lines.append(ViewerLine(spans))
      spans = [.init(String(repeating: " ", count: depth * indent))]
    }
    func lastSignificant() -> String? {
      spans.last(where: { !$0.text.allSatisfy(\.isWhitespace) })?.text
    }

    // Whitespace between two bare words is kept (as one space) so that text which is not
    // JSON stays readable.
    var afterSpace = false
    spans = [.init("")]
    while let scalar = scalars.first {
      defer { afterSpace = " \t\n\r".unicodeScalars.contains(scalar) }
      switch scalar {
      case " ", "\t", "\n", "\r":
        scalars.removeFirst()
      case "{", "[":
        scalars.removeFirst()
        spans.append(.init(String(scalar), .punctuation))
        let closer: Unicode.Scalar = scalar == "{" ? "}" : "]"
        if let next = scalars.first(where: { !" \t\n\r".unicodeScalars.contains($0) }), next == closer {
          continue
        }
        depth += 1
        newline()
      case "}", "]":
        scalars.removeFirst()
        let opener = scalar == "}" ? "{" : "["
        if lastSignificant() != opener {
          depth = max(0, depth - 1)
          newline()
        }
        spans.append(.init(String(scalar), .punctuation))
      case ",":
        scalars.removeFirst()
        spans.append(.init(",", .punctuation))
        newline()
      case ":":
        scalars.removeFirst()
        spans.append(.init(": ", .punctuation))
      case "\"":
        let string = Self.takeString(&scalars)
        let isKey = scalars.first(where: { !" \t\n\r".unicodeScalars.contains($0) }) == ":"
        spans.append(.init(string, isKey ? .jsonKey : .jsonString))
      default:
        var word = ""
        while let next = scalars.first, !" \t\n\r,:{}[]\"".unicodeScalars.contains(next) {
          word.unicodeScalars.append(next)
          scalars.removeFirst()
        }
        let role: TextRole = ["true", "false", "null"].contains(word) ? .jsonLiteral : .jsonNumber
        if afterSpace, let previous = spans.last?.role, [.jsonNumber, .jsonLiteral, .jsonString].contains(previous) {
          spans.append(.init(" "))
        }
        spans.append(.init(word, role))
      }
    }
    if spans.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) {
      lines.append(ViewerLine(spans))
    }
    return lines.map { ViewerLine($0.spans.filter { !$0.text.isEmpty }) }
  }

  /// A quoted string with its escapes kept as written, quotes included.
  private static func takeString(_ scalars: inout Substring.UnicodeScalarView) -> String {
    var string = String(scalars.removeFirst())
    var escaped = false
    while let scalar = scalars.first {
      scalars.removeFirst()
      string.unicodeScalars.append(scalar)
      if escaped {
        escaped = false
      } else if scalar == "\\" {
        escaped = true
      } else if scalar == "\"" {
        break
      }
    }
    return string
  }
}
