/// Reads fixed-layout ASCII text (timestamps) byte by byte.
struct DigitScanner {
  private let bytes: [UInt8]
  private var index = 0

  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  var isAtEnd: Bool { index == bytes.count }

  /// Consumes `literal` when the text continues with it.
  mutating func skip(_ literal: String) -> Bool {
    let expected = Array(literal.utf8)
    guard bytes.count - index >= expected.count,
      bytes[index..<index + expected.count].elementsEqual(expected)
    else { return false }
    index += expected.count
    return true
  }

  /// A run of digits and how many there were; nil when none.
  mutating func digits() -> (Int64, Int)? {
    var value: Int64 = 0
    var count = 0
    while index < bytes.count, count < 18, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
      value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
      index += 1
      count += 1
    }
    return count > 0 ? (value, count) : nil
  }

  /// A number of exactly `exactDigits` digits.
  mutating func number(exactDigits: Int) -> Int64? {
    let start = index
    guard let (value, count) = digits(), count == exactDigits else {
      index = start
      return nil
    }
    return value
  }

  /// A number of at least `minDigits` digits.
  mutating func number(minDigits: Int) -> Int64? {
    let start = index
    guard let (value, count) = digits(), count >= minDigits else {
      index = start
      return nil
    }
    return value
  }

  /// `+1` or `-1` for a leading sign, consumed; nil when there is none.
  mutating func sign() -> Int64? {
    if skip("+") { return 1 }
    if skip("-") { return -1 }
    return nil
  }
}
