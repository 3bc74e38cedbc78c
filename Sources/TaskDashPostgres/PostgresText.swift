import Foundation
import TaskDashStore

/// Converts values to and from PostgreSQL's text format.
///
/// Sessions run with `TimeZone=UTC` and `DateStyle=ISO`, so timestamps arrive as
/// `2024-05-01 12:34:56.123456+00`; they are parsed by hand, to the microsecond, without a
/// formatter's locale or time-zone surprises.
enum PostgresText {
  private static let microsecondsPerSecond: Int64 = 1_000_000
  private static let microsecondsPerDay: Int64 = 86_400 * microsecondsPerSecond

  // MARK: - Timestamps

  /// `YYYY-MM-DD HH:MM:SS.ffffff+00`, rounded to the microsecond PostgreSQL stores.
  static func timestamp(_ date: Date) -> String {
    var bytes: [UInt8] = []
    appendTimestamp(date, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the text of `timestamp(_:)` to a buffer (the COPY writer's fast path).
  static func appendTimestamp(_ date: Date, to bytes: inout [UInt8]) {
    let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    let days = CivilCalendar.floorDivision(micros, microsecondsPerDay)
    let microsOfDay = micros - days * microsecondsPerDay
    let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: days)
    let seconds = microsOfDay / microsecondsPerSecond
    // PostgreSQL has no year 0: year 0 is 1 BC, -1 is 2 BC.
    appendPadded(year > 0 ? year : 1 - year, width: 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendPadded(month, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendPadded(day, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: " "))
    appendPadded(seconds / 3600, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendPadded(seconds / 60 % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendPadded(seconds % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    appendPadded(microsOfDay % microsecondsPerSecond, width: 6, to: &bytes)
    bytes.append(contentsOf: "+00".utf8)
    if year <= 0 {
      bytes.append(contentsOf: " BC".utf8)
    }
  }

  /// Appends a non-negative number with leading zeros up to `width` digits.
  private static func appendPadded(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
    var digits: [UInt8] = []
    var rest = value
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    for _ in digits.count..<max(width, digits.count) {
      bytes.append(UInt8(ascii: "0"))
    }
    bytes.append(contentsOf: digits.reversed())
  }

  /// Parses an ISO timestamptz as PostgreSQL prints it (any offset, optional fraction and BC).
  static func parseTimestamp(_ text: String) -> Date? {
    switch text {
    case "infinity": return .distantFuture
    case "-infinity": return .distantPast
    default: break
    }
    var scanner = DigitScanner(text)
    guard let year = scanner.number(minDigits: 4), scanner.skip("-"),
      let month = scanner.number(exactDigits: 2), scanner.skip("-"),
      let day = scanner.number(exactDigits: 2), scanner.skip(" ") || scanner.skip("T"),
      let hour = scanner.number(exactDigits: 2), scanner.skip(":"),
      let minute = scanner.number(exactDigits: 2), scanner.skip(":"),
      let second = scanner.number(exactDigits: 2)
    else { return nil }
    var micros: Int64 = 0
    if scanner.skip(".") {
      guard let (digits, count) = scanner.digits(), count <= 6 else { return nil }
      micros = digits
      for _ in count..<6 { micros *= 10 }
    }
    var offsetSeconds: Int64 = 0
    if let sign = scanner.sign() {
      guard let hours = scanner.number(exactDigits: 2) else { return nil }
      var offset = hours * 3600
      if scanner.skip(":") {
        guard let minutes = scanner.number(exactDigits: 2) else { return nil }
        offset += minutes * 60
        if scanner.skip(":") {
          guard let seconds = scanner.number(exactDigits: 2) else { return nil }
          offset += seconds
        }
      }
      offsetSeconds = sign * offset
    }
    let isBC = scanner.skip(" BC")
    guard scanner.isAtEnd, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
      second < 61
    else { return nil }
    let days = CivilCalendar.daysSinceEpoch(year: isBC ? 1 - year : year, month: month, day: day)
    let totalSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
    let totalMicros = totalSeconds * microsecondsPerSecond + micros
    return Date(timeIntervalSince1970: Double(totalMicros) / 1_000_000)
  }

  // MARK: - Numbers

  /// A double in a form `float8in` reads back exactly, special values included.
  static func double(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    return "\(value)"
  }

  /// Parses `float8out`'s text, special values included.
  static func parseDouble(_ text: String) -> Double? {
    switch text {
    case "NaN": .nan
    case "Infinity": .infinity
    case "-Infinity": -.infinity
    default: Double(text)
    }
  }

  // MARK: - Calendar arithmetic (proleptic Gregorian, as PostgreSQL uses)

}
