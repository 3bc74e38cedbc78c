/// Where a value sits in a document, written as a JSONPath: `$.steps[2].target`, with a name
/// that is not an identifier quoted: `$["odd key"]`.
///
/// Names are cut to `nameWidth` characters, so a hostile huge key makes a readable path; the
/// UI's sanitizer shows any control or bidi characters in them as marks.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
  /// The characters of a name a path shows.
  static let nameWidth = 40

  /// The path as written.
  public let description: String

  /// The document's root, `$`.
  static let root = JSONPath(description: "$")

  /// The member `name` of the value here.
  func member(_ name: JSONText) -> JSONPath {
    let scalars = name.prefix.unicodeScalars
    let isIdentifier =
      name.isWhole && (1...Self.nameWidth).contains(scalars.count)
      && scalars.enumerated().allSatisfy { index, scalar in
        switch scalar {
        case "a"..."z", "A"..."Z", "_": true
        case "0"..."9": index > 0
        default: false
        }
      }
    if isIdentifier { return JSONPath(description: description + "." + name.prefix) }
    var quoted = "[\""
    for character in name.prefix.prefix(Self.nameWidth) {
      if character == "\"" || character == "\\" { quoted.append("\\") }
      quoted.append(character)
    }
    let isCut = !name.isWhole || name.prefix.count > Self.nameWidth
    return JSONPath(description: description + quoted + (isCut ? "…\"]" : "\"]"))
  }

  /// The element at `index` of the array here.
  func element(_ index: Int) -> JSONPath {
    JSONPath(description: description + "[\(index)]")
  }
}
