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
}
