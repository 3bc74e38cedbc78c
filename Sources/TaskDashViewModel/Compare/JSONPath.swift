/// Where a value sits in a document, written as a JSONPath: `$.steps[2].target`, with a name
/// that is not an identifier quoted: `$["odd key"]`.
///
/// The steps are kept and written out only when a difference is shown, so walking a large
/// document builds no text. Names are cut to `nameWidth` characters when written, so a hostile
/// huge key makes a readable path; the UI's sanitizer shows any control or bidi characters in
/// them as marks.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
  /// The characters of a name a path shows.
  static let nameWidth = 40

  private enum Step: Hashable, Sendable {
    case member(JSONText)
    case element(Int)
  }

  private var steps: [Step] = []

  /// The document's root, `$`.
  static let root = JSONPath()

  /// The member `name` of the value here.
  func member(_ name: JSONText) -> JSONPath {
    var path = self
    path.steps.append(.member(name))
    return path
  }

  /// The element at `index` of the array here.
  func element(_ index: Int) -> JSONPath {
    var path = self
    path.steps.append(.element(index))
    return path
  }

  /// The path as written.
  public var description: String {
    var text = "$"
    for step in steps {
      switch step {
      case .element(let index): text += "[\(index)]"
      case .member(let name): text += Self.written(name)
      }
    }
    return text
  }

  /// `.name` for an identifier, else `["name"]` with `"` and `\` escaped.
  private static func written(_ name: JSONText) -> String {
    let scalars = name.prefix.unicodeScalars
    let isIdentifier =
      name.isWhole && (1...nameWidth).contains(scalars.count)
      && scalars.enumerated().allSatisfy { index, scalar in
        switch scalar {
        case "a"..."z", "A"..."Z", "_": true
        case "0"..."9": index > 0
        default: false
        }
      }
    if isIdentifier { return "." + name.prefix }
    var quoted = "[\""
    for character in name.prefix.prefix(nameWidth) {
      if character == "\"" || character == "\\" { quoted.append("\\") }
      quoted.append(character)
    }
    let isCut = !name.isWhole || name.prefix.count > nameWidth
    return quoted + (isCut ? "…\"]" : "\"]")
  }
}
