import Foundation
import TaskDashStore

/// A JSON document as a value, decoded from the seed manifest and written into JSON columns.
///
/// Objects keep their keys sorted when written, so the same value always gives the same text.
public enum JSONValue: Hashable, Sendable, Decodable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Decodes any JSON value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Parses JSON text; nil when it is not JSON.
  public init?(parsing text: String) {
    guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return nil }
    self = value
  }

  /// The value as compact JSON text with sorted object keys.
  public var text: String {
    var output = ""
    write(into: &output)
    return output
  }

  /// The string of a `.string` value, else nil.
  public var stringValue: String? {
    if case .string(let value) = self { value } else { nil }
  }

  /// The number of an `.int` or `.double` value, else nil.
  public var doubleValue: Double? {
    switch self {
    case .int(let value): Double(value)
    case .double(let value): value
    default: nil
    }
  }

  private func write(into output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value):
      // JSON has no NaN or infinity; the generators never make them, but stay valid if they do.
      output += value.isFinite ? JSONText.number(value) : "null"
    case .string(let value): JSONText.write(value, into: &output)
    case .array(let values):
      output += "["
      for (index, value) in values.enumerated() {
        if index > 0 { output += "," }
        value.write(into: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { output += "," }
        JSONText.write(key, into: &output)
        output += ":"
        members[key]!.write(into: &output)
      }
      output += "}"
    }
  }
}
