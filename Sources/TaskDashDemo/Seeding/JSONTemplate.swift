import SeededRandom

/// A JSON value whose strings are templates (error details in the seed manifest).
enum JSONTemplate: Hashable, Sendable {
  case literal(JSONValue)
  case string(Template)
  case array([JSONTemplate])
  case object([String: JSONTemplate])

  /// Parses every string of `value` as a template.
  init(_ value: JSONValue, name: String) throws {
    switch value {
    case .string(let text): self = .string(try Template(text, name: name))
    case .array(let values): self = .array(try values.map { try JSONTemplate($0, name: name) })
    case .object(let members): self = .object(try members.mapValues { try JSONTemplate($0, name: name) })
    default: self = .literal(value)
    }
  }

  /// The rendered value; a string that is one numeric placeholder becomes a number.
  func render(_ context: TemplateContext, _ random: inout SplitMix64) -> JSONValue {
    switch self {
    case .literal(let value):
      return value
    case .string(let template):
      let text = template.render(context, &random)
      if template.isSingleNumber {
        if let whole = Int(text) { return .int(whole) }
        if let number = Double(text), number.isFinite { return .double(number) }
      }
      return .string(text)
    case .array(let values):
      var rendered: [JSONValue] = []
      for value in values { rendered.append(value.render(context, &random)) }
      return .array(rendered)
    case .object(let members):
      var rendered: [String: JSONValue] = [:]
      // Sorted so the random draws happen in the same order on every run.
      for key in members.keys.sorted() { rendered[key] = members[key]!.render(context, &random) }
      return .object(rendered)
    }
  }
}
