/// Two values encoded as one JSON object, the keys of both side by side: a page's entry is the
/// list entry's fields and the page's own. Either's properties read through it.
@dynamicMemberLookup
struct JSONObject<Fields: Encodable, Rest: Encodable>: Encodable {
  var fields: Fields
  var rest: Rest

  subscript<Value>(dynamicMember keyPath: KeyPath<Fields, Value>) -> Value { fields[keyPath: keyPath] }
  subscript<Value>(dynamicMember keyPath: KeyPath<Rest, Value>) -> Value { rest[keyPath: keyPath] }

  func encode(to encoder: any Encoder) throws {
    // A keyed container asked for twice on one encoder is the same object.
    try fields.encode(to: encoder)
    try rest.encode(to: encoder)
  }
}
