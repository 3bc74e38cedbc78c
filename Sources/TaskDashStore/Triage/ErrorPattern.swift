/// The pattern of an error message: the message with its variable parts folded into
/// placeholders, so that failures differing only in numbers, ids, hashes or quoted values
/// fall into one group.
///
/// This function is the specification of the folding. SQLite calls it as a registered SQL
/// function; PostgreSQL runs the same five passes as a chain of `regexp_replace` calls whose
/// patterns mirror the passes one for one, in the function `taskdash_error_pattern` that keeps
/// the stored column `task_runs.error_pattern` (migration 0006). A corpus test holds the three
/// to one answer. The passes run in this order, each over the whole output of the one before:
///
/// 1. `'…'` for a single-quoted value: a `'` not preceded by an ASCII letter or digit (so
///    "can't" opens nothing), up to the next `'` on the same line.
/// 2. `"…"` for a double-quoted value, by the same rule.
/// 3. `<uuid>` for a UUID (8-4-4-4-12 hex digits) that no ASCII letter or digit touches.
/// 4. `<hex>` for a word of hex digits: `0x` and at least one hex digit, or at least eight hex
///    digits of which one is a letter (a run of decimal digits is a number).
/// 5. `#` for a number: digits with an optional fraction, and a leading `-` when no ASCII letter
///    or digit comes before it ("x=-3" folds to "x=#", "part-0012" to "part-#").
///
/// "Before" and "touches" look at the pass's input, as a regular expression's look-behind does.
/// Only ASCII letters and digits count as word characters, so the rules do not depend on a
/// database's locale; the passes work on Unicode scalars, as PostgreSQL's characters are.
public enum ErrorPattern {
  /// Characters of a message the pattern is folded from; the stores cut the message to this
  /// length in SQL before folding, so a megabyte of stack trace costs no more than a line.
  public static let sourceLength = 500
  /// What stands for a single-quoted value.
  public static let singleQuoted = "'…'"
  /// What stands for a double-quoted value.
  public static let doubleQuoted = "\"…\""
  /// What stands for a UUID.
  public static let uuid = "<uuid>"
  /// What stands for a hex string.
  public static let hex = "<hex>"
  /// What stands for a number.
  public static let number = "#"

  /// `message` with its variable parts folded (see the type's documentation).
  public static func fold(_ message: String) -> String {
    var scalars = Array(message.unicodeScalars)
    scalars = foldQuoted(scalars, quote: "'", into: singleQuoted)
    scalars = foldQuoted(scalars, quote: "\"", into: doubleQuoted)
    scalars = foldUUIDs(scalars)
    scalars = foldHexWords(scalars)
    scalars = foldNumbers(scalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  // MARK: - Passes

  private static func foldQuoted(_ input: [Unicode.Scalar], quote: Unicode.Scalar, into placeholder: String)
    -> [Unicode.Scalar]
  {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      if input[index] == quote, !isWord(before: index, in: input) {
        var end = index + 1
        while end < input.count, input[end] != quote, input[end] != "\n" { end += 1 }
        if end < input.count, input[end] == quote {
          output.append(contentsOf: placeholder.unicodeScalars)
          index = end + 1
          continue
        }
      }
      output.append(input[index])
      index += 1
    }
    return output
  }

  /// The lengths of a UUID's hex groups.
  private static let uuidGroups = [8, 4, 4, 4, 12]
  private static let uuidLength = 36

  private static func foldUUIDs(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      let end = index + uuidLength
      if !isWord(before: index, in: input), isUUID(input, at: index), end == input.count || !isWord(input[end]) {
        output.append(contentsOf: uuid.unicodeScalars)
        index = end
        continue
      }
      output.append(input[index])
      index += 1
    }
    return output
  }

  private static func isUUID(_ input: [Unicode.Scalar], at start: Int) -> Bool {
    guard start + uuidLength <= input.count else { return false }
    var position = start
    for (group, length) in uuidGroups.enumerated() {
      if group > 0 {
        guard input[position] == "-" else { return false }
        position += 1
      }
      for _ in 0..<length {
        guard isHexDigit(input[position]) else { return false }
        position += 1
      }
    }
    return true
  }

  /// Whole words only: a word starts after a non-word scalar, so the pass steps word by word.
  private static func foldHexWords(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      guard isWord(input[index]) else {
        output.append(input[index])
        index += 1
        continue
      }
      var end = index
      while end < input.count, isWord(input[end]) { end += 1 }
      let word = input[index..<end]
      if isHexWord(word) {
        output.append(contentsOf: hex.unicodeScalars)
      } else {
        output.append(contentsOf: word)
      }
      index = end
    }
    return output
  }

  private static func isHexWord(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
    let start = word.startIndex
    if word.count >= 3, word[start] == "0", word[start + 1] == "x" || word[start + 1] == "X" {
      return word.dropFirst(2).allSatisfy(isHexDigit)
    }
    return word.count >= 8 && word.allSatisfy(isHexDigit) && word.contains { !isDigit($0) }
  }

  private static func foldNumbers(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      var end: Int
      if input[index] == "-", !isWord(before: index, in: input), index + 1 < input.count, isDigit(input[index + 1]) {
        end = index + 1
      } else if isDigit(input[index]) {
        end = index
      } else {
        output.append(input[index])
        index += 1
        continue
      }
      while end < input.count, isDigit(input[end]) { end += 1 }
      if end + 1 < input.count, input[end] == ".", isDigit(input[end + 1]) {
        end += 1
        while end < input.count, isDigit(input[end]) { end += 1 }
      }
      output.append(contentsOf: number.unicodeScalars)
      index = end
    }
    return output
  }

  // MARK: - Scalar classes (ASCII only, whatever the locale)

  private static func isWord(before index: Int, in input: [Unicode.Scalar]) -> Bool {
    index > 0 && isWord(input[index - 1])
  }

  private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    isDigit(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }

  private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
    isDigit(scalar) || ("A"..."F").contains(scalar) || ("a"..."f").contains(scalar)
  }
}
