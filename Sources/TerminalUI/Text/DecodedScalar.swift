/// One step of input to the sanitizer: a scalar, or a malformed UTF-8 sequence.
enum DecodedScalar: Hashable, Sendable {
  case scalar(Unicode.Scalar)
  /// A maximal subpart of an ill-formed UTF-8 sequence.
  case invalid
}

/// The scalars of a string, one at a time.
struct StringScalarSource: IteratorProtocol {
  private var iterator: Substring.UnicodeScalarView.Iterator

  init(_ text: Substring) {
    iterator = text.unicodeScalars.makeIterator()
  }

  mutating func next() -> DecodedScalar? {
    iterator.next().map(DecodedScalar.scalar)
  }
}

/// Bytes decoded as UTF-8 lazily, one malformed sequence per maximal subpart.
///
/// Follows the well-formed byte sequences of the Unicode Standard (table 3-7): a sequence
/// ends as malformed at the first byte that cannot continue it, and that byte starts the
/// next sequence. So overlong forms, surrogates and values past U+10FFFF are malformed from
/// their first byte.
struct UTF8ScalarSource: IteratorProtocol {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  mutating func next() -> DecodedScalar? {
    guard index < bytes.count else { return nil }
    let lead = bytes[index]
    index += 1
    if lead < 0x80 { return .scalar(Unicode.Scalar(lead)) }
    let length: Int
    var second: ClosedRange<UInt8> = 0x80...0xBF
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF:
      (length, value) = (3, UInt32(lead & 0x0F))
      if lead == 0xE0 { second = 0xA0...0xBF }
      if lead == 0xED { second = 0x80...0x9F }
    case 0xF0...0xF4:
      (length, value) = (4, UInt32(lead & 0x07))
      if lead == 0xF0 { second = 0x90...0xBF }
      if lead == 0xF4 { second = 0x80...0x8F }
    default: return .invalid
    }
    for position in 1..<length {
      guard index < bytes.count, (position == 1 ? second : 0x80...0xBF).contains(bytes[index]) else {
        return .invalid
      }
      value = value << 6 | UInt32(bytes[index] & 0x3F)
      index += 1
    }
    return Unicode.Scalar(value).map(DecodedScalar.scalar) ?? .invalid
  }
}
