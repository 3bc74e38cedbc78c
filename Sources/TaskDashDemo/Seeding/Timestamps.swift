import Foundation
import TaskDashStore

/// Fast, locale-free UTC timestamp text for generated logs and templates.
///
/// A large log holds tens of thousands of timestamps; a formatter object per call would
/// dominate its generation time.
enum Timestamps {
  /// `2025-03-01T14:05:09.123Z`.
  static func iso(_ date: Date) -> String {
    let parts = Parts(date)
    return parts.dateText + "T" + pad(parts.hour) + ":" + pad(parts.minute) + ":" + pad(parts.second) + "."
      + pad3(parts.millisecond) + "Z"
  }

  /// `2025-03-01`.
  static func day(_ date: Date) -> String {
    Parts(date).dateText
  }

  /// `1h 04m`, `12m 05s` or `42s`.
  static func human(seconds: Double) -> String {
    let total = Int(seconds.rounded())
    let hours = total / 3600
    let minutes = (total % 3600) / 60
    let secs = total % 60
    if hours > 0 { return "\(hours)h \(pad(minutes))m" }
    if minutes > 0 { return "\(minutes)m \(pad(secs))s" }
    return "\(secs)s"
  }

  private static func pad(_ value: Int) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }

  private static func pad3(_ value: Int) -> String {
    value < 10 ? "00" + String(value) : value < 100 ? "0" + String(value) : String(value)
  }

  /// The calendar fields of a UTC instant.
  private struct Parts {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var millisecond: Int

    init(_ date: Date) {
      let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
      var days = milliseconds / 86_400_000
      var remainder = milliseconds % 86_400_000
      if remainder < 0 {
        remainder += 86_400_000
        days -= 1
      }
      let civil = CivilCalendar.civilDate(daysSinceEpoch: days)
      year = Int(civil.year)
      month = Int(civil.month)
      day = Int(civil.day)
      hour = Int(remainder / 3_600_000)
      minute = Int(remainder / 60000 % 60)
      second = Int(remainder / 1000 % 60)
      millisecond = Int(remainder % 1000)
    }

    var dateText: String {
      let yearText = String(year)
      return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + pad(month) + "-" + pad(day)
    }
  }
}
