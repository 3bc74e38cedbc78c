import Foundation

/// JSON that is safe to print on a terminal, for every `--format json` of `snapshot`.
///
/// The encoder escapes C0 controls only; DEL, the C1 controls (U+009B alone is a CSI) and the
/// bidi controls are escaped here as well. They can only occur inside strings, so the document
/// still decodes to the same values.
enum TerminalSafeJSON {
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    var escaped = String.UnicodeScalarView()
    for scalar in String(decoding: try encoder.encode(value), as: UTF8.self).unicodeScalars {
      switch scalar.value {
      case 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        escaped.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
      default:
        escaped.append(scalar)
      }
    }
    return String(escaped)
  }
}
