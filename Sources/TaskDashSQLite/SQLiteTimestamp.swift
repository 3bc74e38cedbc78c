import Foundation
import TaskDashStore

/// Converts dates to and from the schema's sortable UTC text form `YYYY-MM-DDTHH:MM:SS.SSSZ`.
///
/// Text order equals time order only when every row uses exactly this form, so writing is
/// strict (the schema's CHECKs insist too) while reading also accepts the near forms other
/// tools produce (a space instead of `T`, no or longer fractions, no `Z`).
enum SQLiteTimestamp {
  /// The text form of `date`, rounded to the millisecond.
  static func format(_ date: Date) -> String {
    let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let days = CivilCalendar.floorDivision(totalMillis, 86_400_000)
    let millisOfDay = totalMillis - days * 86_400_000
    let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: days)
    let hour = millisOfDay / 3_600_000
    let minute = millisOfDay / 60_000 % 60
    let second = millisOfDay / 1000 % 60
    let millis = millisOfDay % 1000
    var text = ""
    text.reserveCapacity(24)
    text += padded(year, 4)
    text += "-" + padded(month, 2) + "-" + padded(day, 2)
    text += "T" + padded(hour, 2) + ":" + padded(minute, 2) + ":" + padded(second, 2)
    text += "." + padded(millis, 3) + "Z"
    return text
  }

  /// The date in `text`, or nil when it is not a UTC timestamp of the accepted forms.
  static func parse(_ text: String) -> Date? {
    var scanner = DigitScanner(bytes: Array(text.utf8))
    guard let year = scanner.number(digits: 4), scanner.skip("-"),
      let month = scanner.number(digits: 2), scanner.skip("-"),
      let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip(" "),
      let hour = scanner.number(digits: 2), scanner.skip(":"),
      let minute = scanner.number(digits: 2), scanner.skip(":"),
      let second = scanner.number(digits: 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var fraction = 0.0
    if scanner.skip(".") {
      var scale = 0.1
      var sawDigit = false
      while let digit = scanner.digit() {
        fraction += Double(digit) * scale
        scale /= 10
        sawDigit = true
      }
      guard sawDigit else { return nil }
    }
    _ = scanner.skip("Z")
    guard scanner.isAtEnd else { return nil }
    let days = CivilCalendar.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day))
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    // Whole milliseconds keep a round trip exact: format(parse(x)) == x.
    let millis = (Double(seconds) * 1000 + (fraction * 1000).rounded())
    return Date(timeIntervalSince1970: millis / 1000)
  }

  // MARK: - Calendar arithmetic (proleptic Gregorian, days since 1970-01-01)

  private static func padded(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  /// Reads fixed-width ASCII numbers and separators from the front of a byte string.
  private struct DigitScanner {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func digit() -> Int? {
      guard position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) else {
        return nil
      }
      defer { position += 1 }
      return Int(bytes[position] - UInt8(ascii: "0"))
    }

    mutating func number(digits count: Int) -> Int? {
      var value = 0
      for _ in 0..<count {
        guard let digit = digit() else { return nil }
        value = value * 10 + digit
      }
      return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
      guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
      position += 1
      return true
    }
  }
}
