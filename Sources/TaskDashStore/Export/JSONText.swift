/// How taskdash writes a number and a string as text in JSON, and a number in its exports: one
/// definition for the seeder's JSON, `taskdash export` and `snapshot --format csv`.
public enum JSONText {
  /// A whole double without a fraction (`3`, not `3.0`), as PostgreSQL and most JSON writers
  /// print it; any other its shortest form that reads back exactly. Not for NaN or the
  /// infinities, which JSON cannot hold.
  public static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return String(value)
  }

  /// `value` as a JSON string literal: quotes, backslashes and control characters escaped,
  /// everything else as it is.
  public static func string(_ value: String) -> String {
    var output = ""
    write(value, into: &output)
    return output
  }

  /// Appends `value` as a JSON string literal to `output`.
  public static func write(_ value: String, into output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
