import Foundation

/// `${NAME}` references to environment variables in config values: `${NAME}` is the
/// variable's value, `${NAME:-fallback}` the fallback when it is unset or empty, and `$$` a
/// dollar sign. A variable that is unset, with no fallback, is an error rather than an empty
/// string, so that a missing `DB_HOST` does not turn into a connection to the local server.
enum VariableReferences {
  /// Why a value cannot be expanded.
  struct Problem: Error, Equatable {
    /// What is wrong, naming the variable but never the value.
    let message: String
  }

  /// Whether `text` refers to any variable (and so can only be checked once expanded).
  static func refersToVariables(_ text: String) -> Bool {
    text.contains("${")
  }

  /// `text` passed through `transform` with its references kept as written: each is swapped for
  /// a plain word first, so that a URL whose host is `${DB_HOST}` still parses (for masking its
  /// password), and swapped back afterwards. A reference `transform` drops stays dropped.
  static func preserving(in text: String, _ transform: (String) -> String) -> String {
    var references: [Substring] = []
    var plain = ""
    var rest = Substring(text)
    while let start = rest.range(of: "${"), let close = rest[start.upperBound...].firstIndex(of: "}") {
      plain += rest[..<start.lowerBound] + "tdreference\(references.count)x"
      references.append(rest[start.lowerBound...close])
      rest = rest[rest.index(after: close)...]
    }
    var result = transform(plain + rest)
    for (index, reference) in references.enumerated() {
      result = result.replacingOccurrences(of: "tdreference\(index)x", with: reference)
    }
    return result
  }

  /// `text` with every reference replaced from `variables`.
  static func expand(_ text: String, variables: [String: String]) throws(Problem) -> String {
    var result = ""
    var rest = Substring(text)
    while let dollar = rest.firstIndex(of: "$") {
      result += rest[..<dollar]
      let after = rest.index(after: dollar)
      if after < rest.endIndex, rest[after] == "$" {
        result.append("$")
        rest = rest[rest.index(after: after)...]
        continue
      }
      guard after < rest.endIndex, rest[after] == "{" else {
        result.append("$")
        rest = rest[after...]
        continue
      }
      let body = rest[rest.index(after: after)...]
      guard let close = body.firstIndex(of: "}") else {
        throw Problem(message: "a ${ is not closed by }")
      }
      result += try value(of: body[..<close], variables: variables)
      rest = body[body.index(after: close)...]
    }
    return result + rest
  }

  /// The value of one reference's inside, `NAME` or `NAME:-fallback`.
  private static func value(of reference: Substring, variables: [String: String]) throws(Problem) -> String {
    let parts = reference.split(separator: ":-", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    guard isVariableName(name) else {
      throw Problem(message: "${\(name)} is not a variable name (letters, digits and _)")
    }
    if let value = variables[name], !value.isEmpty { return value }
    if parts.count == 2 { return String(parts[1]) }
    throw Problem(message: "${\(name)} is not set in the environment")
  }

  private static func isVariableName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy {
      $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
    }
  }
}
