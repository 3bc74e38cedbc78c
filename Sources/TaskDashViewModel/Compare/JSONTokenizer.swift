/// Reads a JSON document token by token from windows of its bytes, holding one window and
/// the token being read (a long string keeps only its first bytes: `JSONText`).
///
/// It checks the grammar as it goes (commas, colons, brackets) and throws `JSONDiffError` at
/// the first fault, with its byte offset; it refuses nesting deeper than `maximumDepth`, which
/// bounds both its own stack and the recursion of whoever walks its tokens.
struct JSONTokenizer {
  /// Reads the window of the document that starts at a byte offset; empty at the end.
  typealias Fetch = @Sendable (_ offset: Int64) async throws -> [UInt8]

  /// The deepest nesting followed.
  static let maximumDepth = 512

  private enum Expect {
    case value, valueOrEnd, keyOrEnd, key, colon, commaOrEnd, done
  }

  private let fetch: Fetch
  private var buffer: [UInt8] = []
  private var index = 0
  private var fetched: Int64 = 0
  private var isExhausted = false
  /// One entry per open container: true for an object.
  private var containers: [Bool] = []
  private var expect = Expect.value

  /// A tokenizer over the windows `fetch` returns.
  init(fetch: @escaping Fetch) {
    self.fetch = fetch
  }

  /// A tokenizer over bytes in memory.
  init(bytes: [UInt8]) {
    self.init { offset in offset == 0 ? bytes : [] }
  }

  /// The byte offset of the next unread byte.
  var offset: Int64 { fetched - Int64(buffer.count - index) }

  /// The next token, or nil after the document's one value (trailing text is refused).
  mutating func next() async throws -> JSONToken? {
    guard let byte = try await nextNonSpace() else {
      if expect == .done { return nil }
      throw JSONDiffError.invalid("the text ends early", at: offset)
    }
    switch expect {
    case .done:
      throw JSONDiffError.invalid("text after the document", at: offset - 1)
    case .colon:
      guard byte == UInt8(ascii: ":") else { throw fault("expected ':'") }
      expect = .value
      return try await next()
    case .commaOrEnd:
      if byte == UInt8(ascii: ",") {
        expect = containers.last == true ? .key : .value
        return try await next()
      }
      return try close(byte)
    case .keyOrEnd, .key:
      if byte == UInt8(ascii: "}"), expect == .keyOrEnd { return try close(byte) }
      guard byte == UInt8(ascii: "\"") else { throw fault("expected a member name") }
      expect = .colon
      return .key(try await string())
    case .valueOrEnd:
      if byte == UInt8(ascii: "]") { return try close(byte) }
      return try await value(byte)
    case .value:
      return try await value(byte)
    }
  }

  // MARK: - Values

  private mutating func value(_ byte: UInt8) async throws -> JSONToken {
    switch byte {
    case UInt8(ascii: "{"):
      try open(object: true)
      return .beginObject
    case UInt8(ascii: "["):
      try open(object: false)
      return .beginArray
    case UInt8(ascii: "\""):
      let text = try await string()
      afterValue()
      return .string(text)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let text = try await number(first: byte)
      afterValue()
      return .number(text)
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      let token = try await literal(first: byte)
      afterValue()
      return token
    default:
      throw fault("expected a value")
    }
  }

  private mutating func open(object: Bool) throws {
    guard containers.count < Self.maximumDepth else { throw JSONDiffError.tooDeep(offset - 1) }
    containers.append(object)
    expect = object ? .keyOrEnd : .valueOrEnd
  }

  private mutating func close(_ byte: UInt8) throws -> JSONToken {
    let isObject = containers.last
    if byte == UInt8(ascii: "}"), isObject == true {
      containers.removeLast()
      afterValue()
      return .endObject
    }
    if byte == UInt8(ascii: "]"), isObject == false {
      containers.removeLast()
      afterValue()
      return .endArray
    }
    throw fault(isObject == true ? "expected ',' or '}'" : "expected ',' or ']'")
  }

  private mutating func afterValue() {
    expect = containers.isEmpty ? .done : .commaOrEnd
  }

  /// A string's contents after its opening quote, unescaped.
  private mutating func string() async throws -> JSONText {
    var text = JSONTextBuilder()
    while true {
      if index == buffer.count, !(try await refill()) { throw fault("the string is not closed") }
      // Plain bytes are copied a run at a time; only quotes and escapes stop the scan.
      let start = index
      while index < buffer.count, buffer[index] != UInt8(ascii: "\""), buffer[index] != UInt8(ascii: "\\") {
        index += 1
      }
      if index > start { text.append(contentsOf: buffer[start..<index]) }
      guard index < buffer.count else { continue }
      let stop = buffer[index]
      index += 1
      if stop == UInt8(ascii: "\"") { return text.finish() }
      try await escape(into: &text)
    }
  }

  private mutating func escape(into text: inout JSONTextBuilder) async throws {
    guard let byte = try await nextByte() else { throw fault("the string is not closed") }
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
    case UInt8(ascii: "b"): text.append(0x08)
    case UInt8(ascii: "f"): text.append(0x0C)
    case UInt8(ascii: "n"): text.append(0x0A)
    case UInt8(ascii: "r"): text.append(0x0D)
    case UInt8(ascii: "t"): text.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try await hexQuad()
      if (0xD800..<0xDC00).contains(scalar) {
        // A high surrogate pairs with a following \uDC00-\uDFFF; alone it is U+FFFD.
        if try await peekByte() == UInt8(ascii: "\\") {
          index += 1
          guard try await nextByte() == UInt8(ascii: "u") else { throw fault("a bad escape") }
          let low = try await hexQuad()
          scalar = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
        } else {
          scalar = 0xFFFD
        }
      }
      for unit in String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8 { text.append(unit) }
    default:
      throw fault("a bad escape")
    }
  }

  private mutating func hexQuad() async throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = try await nextByte(), let digit = Self.hexValue(byte) else { throw fault("a bad \\u escape") }
      value = value << 4 | digit
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private mutating func number(first: UInt8) async throws -> JSONText {
    var text = JSONTextBuilder()
    text.append(first)
    while let byte = try await peekByte(), Self.isNumberByte(byte) {
      text.append(byte)
      index += 1
    }
    let number = text.finish()
    guard number.prefix.last.map({ $0.isNumber }) == true else { throw fault("a bad number") }
    return number
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
      UInt8(ascii: "+"), UInt8(ascii: "-"):
      true
    default: false
    }
  }

  private mutating func literal(first: UInt8) async throws -> JSONToken {
    let (word, token): (String, JSONToken) =
      switch first {
      case UInt8(ascii: "t"): ("true", .bool(true))
      case UInt8(ascii: "f"): ("false", .bool(false))
      default: ("null", .null)
      }
    for expected in word.utf8.dropFirst() {
      guard try await nextByte() == expected else { throw fault("expected \(word)") }
    }
    return token
  }

  // MARK: - Bytes

  private func fault(_ what: String) -> JSONDiffError {
    .invalid(what, at: max(0, offset - 1))
  }

  private mutating func nextNonSpace() async throws -> UInt8? {
    while let byte = try await nextByte() {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      default: return byte
      }
    }
    return nil
  }

  private mutating func nextByte() async throws -> UInt8? {
    guard let byte = try await peekByte() else { return nil }
    index += 1
    return byte
  }

  private mutating func peekByte() async throws -> UInt8? {
    if index == buffer.count, !(try await refill()) { return nil }
    return buffer[index]
  }

  /// Replaces the spent window with the next one; false at the end of the document.
  private mutating func refill() async throws -> Bool {
    guard !isExhausted else { return false }
    let window = try await fetch(fetched)
    guard !window.isEmpty else {
      isExhausted = true
      return false
    }
    fetched += Int64(window.count)
    buffer = window
    index = 0
    return true
  }
}
