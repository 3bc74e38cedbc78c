/// Locale-free number formatting for the generated data.
enum Decimals {
  /// `value` with exactly `decimals` digits after the point (`-1.50` for -1.5 and 2).
  static func format(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((abs(value) * scale).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(scaled) }
    let divisor = Int64(scale)
    let fraction = String(scaled % divisor)
    return sign + String(scaled / divisor) + "." + String(repeating: "0", count: decimals - fraction.count)
      + fraction
  }
}
