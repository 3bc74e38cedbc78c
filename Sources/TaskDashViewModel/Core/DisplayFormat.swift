import Foundation
import TaskDashStore

/// Short, fixed-width-friendly renderings of times, sizes and numbers for the panes.
public enum DisplayFormat {
  /// Durations from this many days on are shown as `99999d+`.
  static let maximumDays = 99_999

  /// `850ms`, `42s`, `3m07s`, `2h05m`, `3d04h`; `99999d+` beyond that.
  public static func duration(seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "-" }
    if seconds < 1 { return "\(Int(seconds * 1000))ms" }
    // Any writer can store any double: a huge one must not overflow the conversion to Int.
    guard seconds < Double(maximumDays) * 86_400 else { return "\(maximumDays)d+" }
    let total = Int(seconds)
    if total < 60 { return "\(total)s" }
    // Built by hand, not with String(format:): every age on screen passes through here on
    // every frame, and Foundation's formatting was the largest cost of an idle redraw.
    if total < 3600 { return "\(total / 60)m" + twoDigits(total % 60) + "s" }
    if total < 86_400 { return "\(total / 3600)h" + twoDigits((total % 3600) / 60) + "m" }
    return "\(total / 86_400)d" + twoDigits((total % 86_400) / 3600) + "h"
  }

  /// The largest whole unit only, for labels that must stay short: `42s`, `12m`, `3h`, `2d`;
  /// `99999d+` beyond the range `duration` shows.
  public static func coarseDuration(seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "-" }
    guard seconds < Double(maximumDays) * 86_400 else { return "\(maximumDays)d+" }
    let total = Int(seconds)
    if total < 60 { return "\(total)s" }
    if total < 3600 { return "\(total / 60)m" }
    if total < 86_400 { return "\(total / 3600)h" }
    return "\(total / 86_400)d"
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }

  /// The age of `date` at `now`, e.g. `42s ago`; `-` for nil.
  public static func age(of date: Date?, at now: Date) -> String {
    guard let date else { return "-" }
    return duration(seconds: max(0, now.timeIntervalSince(date))) + " ago"
  }

  /// `512 B`, `1.2 KB`, `5.3 MB`, `1.0 GB` (powers of 1024).
  public static func bytes(_ count: Int64?) -> String {
    guard let count else { return "-" }
    let units = ["B", "KB", "MB", "GB", "TB"]
    var value = Double(count)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return unit == 0 ? "\(count) B" : decimal(value, 1) + " " + units[unit]
  }

  /// A metric value: integers without decimals, large values with k/M, small with 2 decimals.
  public static func metric(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "-" }
    let magnitude = abs(value)
    if magnitude >= 1_000_000 { return decimal(value / 1_000_000, 1) + "M" }
    if magnitude >= 10_000 { return decimal(value / 1000, 1) + "k" }
    if value == value.rounded() { return String(Int(value)) }
    return decimal(value, magnitude >= 100 ? 1 : 2)
  }

  /// `75%`, or `-` before the first run; counters that make no sense stay within `±9900%`.
  public static func percent(_ fraction: Double?) -> String {
    guard let fraction, fraction.isFinite else { return "-" }
    return "\(Int((min(max(fraction, -99), 99) * 100).rounded()))%"
  }

  /// A round trip in milliseconds with one decimal: `0.4ms`.
  public static func milliseconds(_ duration: Duration) -> String {
    decimal(duration.seconds * 1000, 1) + "ms"
  }

  /// `1234567` as `1,234,567`, whatever the locale (command output and counts).
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
  }

  /// `value` with a fixed number of decimals (0 to 6), whatever the locale.
  ///
  /// Built by hand like `duration`: formatting runs for every visible value on every frame.
  public static func decimal(_ value: Double, _ decimals: Int) -> String {
    let decimals = min(max(0, decimals), 6)
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (value * scale).rounded()
    // Past what an Int holds (any writer can store any double) the digits are Foundation's.
    guard scaled.isFinite, abs(scaled) < 9e18 else { return String(format: "%.\(decimals)f", value) }
    let whole = Int(scaled)
    let sign = whole < 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(whole.magnitude) }
    let unit = UInt(scale)
    let fraction = String(whole.magnitude % unit)
    return sign + String(whole.magnitude / unit) + "." + String(repeating: "0", count: decimals - fraction.count)
      + fraction
  }
}
