/// Number formatting for command output, independent of the locale.
enum NumberText {
  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
  }

  /// Seconds as `42 s`, `3m 05s` or `1h 02m`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "?" }
    let total = Int(seconds.rounded())
    if total >= 3600 { return "\(total / 3600)h \(twoDigits(total % 3600 / 60))m" }
    if total >= 60 { return "\(total / 60)m \(twoDigits(total % 60))s" }
    return "\(total) s"
  }

  /// A fixed number of decimals.
  static func decimal(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard decimals > 0 else { return String(scaled) }
    let fraction = String(abs(scaled) % Int(scale))
    let sign = scaled < 0 ? "-" : ""
    return sign + String(abs(scaled) / Int(scale)) + "." + String(repeating: "0", count: decimals - fraction.count)
      + fraction
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
