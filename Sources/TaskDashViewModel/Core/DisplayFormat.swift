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
    return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
  }

  /// A metric value: integers without decimals, large values with k/M, small with 2 decimals.
  public static func metric(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "-" }
    let magnitude = abs(value)
    if magnitude >= 1_000_000 { return String(format: "%.1fM", value / 1_000_000) }
    if magnitude >= 10_000 { return String(format: "%.1fk", value / 1000) }
    if value == value.rounded() { return String(Int(value)) }
    return String(format: magnitude >= 100 ? "%.1f" : "%.2f", value)
  }

  /// `75%`, or `-` before the first run; counters that make no sense stay within `±9900%`.
  public static func percent(_ fraction: Double?) -> String {
    guard let fraction, fraction.isFinite else { return "-" }
    return "\(Int((min(max(fraction, -99), 99) * 100).rounded()))%"
  }

  /// A round trip in milliseconds with one decimal: `0.4ms`.
  public static func milliseconds(_ duration: Duration) -> String {
    String(format: "%.1fms", duration.seconds * 1000)
  }
}
