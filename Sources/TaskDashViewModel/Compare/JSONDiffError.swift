/// Why a document could not be compared.
enum JSONDiffError: Error, Hashable, Sendable {
  /// The text is not JSON: what was found at which byte.
  case invalid(String, at: Int64)
  /// Objects and arrays nest deeper than the comparison follows.
  case tooDeep(Int64)

  /// The one-line reason the comparison shows.
  var summary: String {
    switch self {
    case .invalid(let what, let offset): "not valid JSON at byte \(offset): \(what)"
    case .tooDeep(let offset): "nested deeper than \(JSONTokenizer.maximumDepth) levels at byte \(offset)"
    }
  }
}
