/// A JSON document held whole, for comparing documents below the streaming threshold.
indirect enum JSONValue: Hashable, Sendable {
  /// Members in document order (a repeated name keeps its first value when compared).
  case object([JSONMember])
  case array([JSONValue])
  case string(JSONText)
  case number(JSONText)
  case bool(Bool)
  case null

  /// Reads one whole document from `tokens`.
  static func read(_ tokens: inout JSONTokenizer) async throws -> JSONValue {
    guard let first = try await tokens.next() else { throw JSONDiffError.invalid("no value", at: tokens.offset) }
    let value = try await read(startingWith: first, &tokens)
    _ = try await tokens.next()  // nil, or throws on trailing text
    return value
  }

  /// The value whose first token is `first`; the tokenizer bounds the nesting.
  private static func read(startingWith first: JSONToken, _ tokens: inout JSONTokenizer) async throws -> JSONValue {
    switch first {
    case .beginObject:
      var members: [JSONMember] = []
      while case .key(let name)? = try await tokens.next() {
        let token = try await required(&tokens)
        members.append(JSONMember(name: name, value: try await read(startingWith: token, &tokens)))
      }
      return .object(members)
    case .beginArray:
      var elements: [JSONValue] = []
      while let token = try await tokens.next(), token != .endArray {
        elements.append(try await read(startingWith: token, &tokens))
      }
      return .array(elements)
    case .string(let text): return .string(text)
    case .number(let text): return .number(text)
    case .bool(let value): return .bool(value)
    case .null: return .null
    case .endObject, .endArray, .key: throw JSONDiffError.invalid("a misplaced token", at: tokens.offset)
    }
  }

  private static func required(_ tokens: inout JSONTokenizer) async throws -> JSONToken {
    guard let token = try await tokens.next() else {
      throw JSONDiffError.invalid("the text ends early", at: tokens.offset)
    }
    return token
  }

  /// The value on one line, cut to `JSONSummary.width` characters.
  var summary: String {
    var line = JSONSummary()
    append(to: &line)
    return line.text
  }

  private func append(to line: inout JSONSummary) {
    guard !line.isFull else { return }
    switch self {
    case .object(let members):
      line.add(.beginObject)
      for member in members {
        line.add(.key(member.name))
        member.value.append(to: &line)
      }
      line.add(.endObject)
    case .array(let elements):
      line.add(.beginArray)
      for element in elements { element.append(to: &line) }
      line.add(.endArray)
    case .string(let text): line.add(.string(text))
    case .number(let text): line.add(.number(text))
    case .bool(let value): line.add(.bool(value))
    case .null: line.add(.null)
    }
  }
}

/// One member of a JSON object.
struct JSONMember: Hashable, Sendable {
  let name: JSONText
  let value: JSONValue
}
