/// One token of a JSON document, as `JSONTokenizer` reads it.
enum JSONToken: Hashable, Sendable {
  case beginObject
  case endObject
  case beginArray
  case endArray
  /// An object member's name.
  case key(JSONText)
  case string(JSONText)
  /// A number as written (`1.0` and `1` differ).
  case number(JSONText)
  case bool(Bool)
  case null
}
