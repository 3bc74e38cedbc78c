import TaskDashModel

/// Reads the `/` filter language into a `FilterQuery`; pure, no SQL.
///
/// Terms are separated by whitespace and all must hold: `status:failed`, `task:market`,
/// `err:timeout`, `dur>5m` (also `>=`, `<`, `<=`; units s, m, h, d), `since:2h`, `silent`,
/// plain words, and `"quoted text"` as one word or value (`err:"connection reset"`). A `-`
/// before a term negates it. Every value stays text to be bound; nothing here is ever SQL.
public enum FilterParser {
  /// The query `text` means on the list `scope`, or where and why it cannot be read.
  public static func parse(_ text: String, for scope: FilterScope) throws(FilterError) -> FilterQuery {
    var reader = Reader(Array(text))
    var terms: [FilterQuery.Term] = []
    while reader.skipSpaces() {
      terms.append(try reader.term(for: scope))
    }
    return FilterQuery(terms)
  }

  /// The examples an unreadable duration's message gives.
  static let durationHint = "expected a duration such as 30s, 5m, 2h"

  /// A cursor over the characters of one query.
  private struct Reader {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) {
      self.characters = characters
    }

    /// Skips whitespace; whether a term follows.
    mutating func skipSpaces() -> Bool {
      while position < characters.count, characters[position].isWhitespace { position += 1 }
      return position < characters.count
    }

    /// The term starting here, through the whitespace after it.
    mutating func term(for scope: FilterScope) throws(FilterError) -> FilterQuery.Term {
      let start = position
      let negated = characters[position] == "-"
      if negated {
        position += 1
        guard position < characters.count, !characters[position].isWhitespace else {
          throw error(from: start, at: start, "expected a term after -")
        }
      }
      if characters[position] == "\"" {
        return FilterQuery.Term(.text(try quoted(termStart: start)), negated: negated)
      }
      let headStart = position
      while position < characters.count, !characters[position].isWhitespace,
        !":<>=\"".contains(characters[position])
      {
        position += 1
      }
      let head = String(characters[headStart..<position]).lowercased()
      let next = position < characters.count ? characters[position] : nil
      let condition: FilterQuery.Condition
      switch (head, next) {
      case ("dur", "<"?), ("dur", ">"?):
        condition = try duration(termStart: start, scope: scope)
      case ("dur", ":"?), ("dur", "="?):
        throw error(from: start, at: position, "expected >, <, >= or <= after dur")
      case (_, ":"?):
        position += 1
        condition = try field(head, headStart: headStart, termStart: start, scope: scope)
      case ("silent", let next) where next?.isWhitespace ?? true:
        condition = .silent
      default:
        position = headStart
        condition = .text(bare())
      }
      return FilterQuery.Term(condition, negated: negated)
    }

    /// `status:`, `task:`, `err:` or `since:` and its value, after the colon.
    private mutating func field(
      _ name: String, headStart: Int, termStart: Int, scope: FilterScope
    ) throws(FilterError) -> FilterQuery.Condition {
      let valueStart = position
      let value = try self.value(termStart: termStart, after: name)
      switch name {
      case "status":
        return .status(try status(value, scope: scope, termStart: termStart, at: valueStart))
      case "task":
        return .task(value)
      case "err", "error":
        guard scope == .runs else {
          throw error(from: termStart, at: headStart, "err looks in runs' errors: use it on the runs pane")
        }
        return .error(value)
      case "since":
        return .since(seconds: try seconds(value, termStart: termStart, at: valueStart))
      default:
        throw error(
          from: termStart, at: headStart,
          "unknown field \(name): expected status:, task:, err:, since:, dur>, dur< or silent")
      }
    }

    /// `dur` then its comparison and duration.
    private mutating func duration(termStart: Int, scope: FilterScope) throws(FilterError) -> FilterQuery.Condition {
      guard scope == .runs else {
        throw error(from: termStart, at: position - 3, "dur is a run's duration: use it on the runs pane")
      }
      var symbol = String(characters[position])
      position += 1
      if position < characters.count, characters[position] == "=" {
        symbol += "="
        position += 1
      }
      let comparison = FilterQuery.Comparison(rawValue: symbol) ?? .greater
      let valueStart = position
      let value = bare()
      return .duration(comparison, seconds: try seconds(value, termStart: termStart, at: valueStart))
    }

    /// A value after `field:`: quoted, or up to the next whitespace; never empty.
    private mutating func value(termStart: Int, after name: String) throws(FilterError) -> String {
      if position < characters.count, characters[position] == "\"" { return try quoted(termStart: termStart) }
      let value = bare()
      guard !value.isEmpty else { throw error(from: termStart, at: position, "expected a value after \(name):") }
      return value
    }

    /// Text up to the next whitespace.
    private mutating func bare() -> String {
      let start = position
      while position < characters.count, !characters[position].isWhitespace { position += 1 }
      return String(characters[start..<position])
    }

    /// `"…"` as its content; the closing quote must come.
    private mutating func quoted(termStart: Int) throws(FilterError) -> String {
      let open = position
      position += 1
      guard let close = characters[position...].firstIndex(of: "\"") else {
        position = characters.count
        throw error(from: termStart, at: open, "expected a closing \" for the quote opened here")
      }
      position = close + 1
      return String(characters[(open + 1)..<close])
    }

    /// A status the list knows, in its stored (lower-case) form.
    private func status(_ value: String, scope: FilterScope, termStart: Int, at column: Int) throws(FilterError)
      -> String
    {
      let name = value.lowercased()
      switch scope {
      case .runs:
        guard RunStatus(rawValue: name) != nil else {
          throw error(from: termStart, at: column, "expected a run status: \(Self.names(RunStatus.allCases))")
        }
      case .tasks:
        guard TaskStatus(rawValue: name) != nil else {
          throw error(from: termStart, at: column, "expected a task status: \(Self.names(TaskStatus.allCases))")
        }
      }
      return name
    }

    /// `30s`, `5m`, `1.5h`, `2d` in seconds.
    private func seconds(_ value: String, termStart: Int, at column: Int) throws(FilterError) -> Double {
      let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
      guard let unit = value.last.flatMap({ units[Character($0.lowercased())] }),
        value.dropLast().allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
        let number = Double(value.dropLast()), number.isFinite
      else { throw error(from: termStart, at: column, FilterParser.durationHint) }
      return number * unit
    }

    private static func names<Status: RawRepresentable<String>>(_ all: [Status]) -> String {
      all.map(\.rawValue).joined(separator: ", ")
    }

    /// An error about the term starting at `termStart`, found at `position` (0-based).
    private func error(from termStart: Int, at position: Int, _ message: String) -> FilterError {
      var end = termStart
      while end < characters.count, !characters[end].isWhitespace { end += 1 }
      return FilterError(
        term: String(characters[termStart..<max(end, min(termStart + 1, characters.count))]),
        column: position + 1, message: message)
    }
  }
}
