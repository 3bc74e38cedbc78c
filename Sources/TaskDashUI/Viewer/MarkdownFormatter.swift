/// Styles markdown line by line: headings, list markers, block quotes, rules and fenced code.
///
/// Line-local on purpose: a window of a huge document can be styled without the rest, and
/// nothing in the text is interpreted beyond choosing a role.
public struct MarkdownFormatter: Sendable {
  /// Creates a formatter.
  public init() {}

  /// The styled lines; `inCodeBlock` carries fenced-code state across calls.
  public func format(_ lines: [Substring], inCodeBlock: inout Bool) -> [ViewerLine] {
    lines.map { line in
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inCodeBlock.toggle()
        return ViewerLine(String(line), .code)
      }
      if inCodeBlock { return ViewerLine(String(line), .code) }
      if trimmed.hasPrefix("#") { return ViewerLine(String(line), .heading) }
      if trimmed.hasPrefix(">") { return ViewerLine(String(line), .quote) }
      if trimmed.count >= 3, Set(trimmed).isSubset(of: ["-", "*", "_", " "]) { return ViewerLine(String(line), .rule) }
      if let marker = listMarker(trimmed) {
        let indent = String(line.prefix(line.count - trimmed.count))
        return ViewerLine([
          .init(indent + marker, .listMarker), .init(String(trimmed.dropFirst(marker.count))),
        ])
      }
      return ViewerLine(String(line))
    }
  }

  /// `- `, `* `, `+ ` or `12. ` at the start of a line.
  private func listMarker(_ line: Substring) -> String? {
    if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
      return String(line.prefix(2))
    }
    let digits = line.prefix(while: \.isNumber)
    if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
      return String(digits) + ". "
    }
    return nil
  }
}
