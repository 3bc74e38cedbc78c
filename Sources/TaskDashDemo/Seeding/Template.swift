import Foundation
import SeededRandom

/// A parsed text template of the seed files (the syntax is described in Seeds/README.md).
///
/// Parsing happens once; rendering draws every random value from the generator passed in, in
/// document order, so the same generator state gives the same text.
public struct Template: Hashable, Sendable {
  /// One piece of a template.
  indirect enum Node: Hashable, Sendable {
    case text(String)
    case variable(String)
    case int(Int, Int)
    case number(Double, Double, decimals: Int)
    case pick([String])
    case hex(Int)
    case repeated(min: Int, max: Int, separator: String, body: [Node])
  }

  let nodes: [Node]

  /// Parses `source`; `name` is used in error messages.
  public init(_ source: String, name: String) throws {
    var parser = Parser(source: source, name: name)
    nodes = try parser.parse(insideRepeat: false)
  }

  /// Whether the template is one value placeholder that renders to a number.
  var isSingleNumber: Bool {
    guard nodes.count == 1 else { return false }
    switch nodes[0] {
    case .int, .number, .variable: return true
    default: return false
    }
  }

  /// The template with its placeholders filled from `context` and `random`.
  public func render(_ context: TemplateContext, _ random: inout SplitMix64) -> String {
    var output = ""
    Self.render(nodes, context, &random, into: &output)
    return output
  }

  /// Appends the rendering to `output` (used to build large logs without copies).
  public func render(_ context: TemplateContext, _ random: inout SplitMix64, into output: inout String) {
    Self.render(nodes, context, &random, into: &output)
  }

  private static func render(
    _ nodes: [Node], _ context: TemplateContext, _ random: inout SplitMix64, into output: inout String
  ) {
    for node in nodes {
      switch node {
      case .text(let text): output += text
      case .variable(let name): output += context.value(name, &random)
      case .int(let low, let high): output += String(random.int(in: low...high))
      case .number(let low, let high, let decimals):
        output += Decimals.format(random.double(in: low...high), decimals: decimals)
      case .pick(let choices): output += random.pick(choices)
      case .hex(let count): output += random.hex(count)
      case .repeated(let low, let high, let separator, let body):
        let count = random.int(in: low...high)
        var inner = context
        for index in 0..<count {
          if index > 0 { output += separator }
          inner.values["i"] = String(index + 1)
          render(body, inner, &random, into: &output)
        }
      }
    }
  }

  /// A recursive-descent parser over the template source.
  private struct Parser {
    let source: String
    let name: String
    var position: String.Index

    init(source: String, name: String) {
      self.source = source
      self.name = name
      position = source.startIndex
    }

    mutating func parse(insideRepeat: Bool) throws -> [Node] {
      var nodes: [Node] = []
      while position < source.endIndex {
        guard let open = source.range(of: "{{", range: position..<source.endIndex) else {
          nodes.append(.text(String(source[position...])))
          position = source.endIndex
          break
        }
        if open.lowerBound > position {
          nodes.append(.text(String(source[position..<open.lowerBound])))
        }
        guard let close = source.range(of: "}}", range: open.upperBound..<source.endIndex) else {
          throw TemplateError(template: name, message: "unclosed {{")
        }
        let body = source[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
        position = close.upperBound
        if body == "/repeat" {
          guard insideRepeat else { throw TemplateError(template: name, message: "{{/repeat}} without {{#repeat}}") }
          return nodes
        }
        if body.hasPrefix("#repeat") {
          nodes.append(try parseRepeat(String(body.dropFirst("#repeat".count))))
        } else {
          nodes.append(try placeholder(body))
        }
      }
      if insideRepeat { throw TemplateError(template: name, message: "{{#repeat}} without {{/repeat}}") }
      return nodes
    }

    private mutating func parseRepeat(_ arguments: String) throws -> Node {
      var separator = ""
      var counts = arguments
      if let quote = arguments.firstIndex(of: "\"") {
        guard arguments.last == "\"", arguments.index(before: arguments.endIndex) > quote else {
          throw TemplateError(template: name, message: "bad separator in {{#repeat\(arguments)}}")
        }
        separator = String(arguments[arguments.index(after: quote)..<arguments.index(before: arguments.endIndex)])
          .replacingOccurrences(of: "\\n", with: "\n")
        counts = String(arguments[..<quote])
      }
      let numbers = counts.split(separator: " ").compactMap { Int($0) }
      guard numbers.count == 2, numbers[0] >= 0, numbers[0] <= numbers[1] else {
        throw TemplateError(template: name, message: "{{#repeat MIN MAX}} needs two counts")
      }
      let body = try parse(insideRepeat: true)
      return .repeated(min: numbers[0], max: numbers[1], separator: separator, body: body)
    }

    private func placeholder(_ body: String) throws -> Node {
      let words = body.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      guard let head = words.first else { throw TemplateError(template: name, message: "empty {{}}") }
      switch head {
      case "int":
        guard words.count == 3, let low = Int(words[1]), let high = Int(words[2]), low <= high else {
          throw TemplateError(template: name, message: "{{int A B}} needs A <= B, got {{\(body)}}")
        }
        return .int(low, high)
      case "num":
        guard words.count == 4, let low = Double(words[1]), let high = Double(words[2]), low <= high,
          let decimals = Int(words[3]), (0...6).contains(decimals)
        else { throw TemplateError(template: name, message: "{{num A B D}} is malformed: {{\(body)}}") }
        return .number(low, high, decimals: decimals)
      case "hex":
        guard words.count == 2, let count = Int(words[1]), count > 0 else {
          throw TemplateError(template: name, message: "{{hex N}} is malformed: {{\(body)}}")
        }
        return .hex(count)
      case "pick":
        let choices = body.dropFirst("pick".count).trimmingCharacters(in: .whitespaces)
          .split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard choices.count >= 2 else {
          throw TemplateError(template: name, message: "{{pick a|b}} needs two choices: {{\(body)}}")
        }
        return .pick(choices)
      default:
        guard words.count == 1, TemplateContext.names.contains(head) else {
          throw TemplateError(template: name, message: "unknown placeholder {{\(body)}}")
        }
        return .variable(head)
      }
    }
  }
}
