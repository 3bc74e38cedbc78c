import ArgumentParser
import TaskDashStore

/// How `taskdash export` writes rows: RFC 4180 CSV with a header row, or one JSON object a line.
///
/// Text is written as it is stored: CSV quotes a field that holds a comma, a quote, a line break
/// or a leading or trailing space (doubling its quotes); JSON escapes what JSON must and
/// nothing else. Neither passes text through the screen's sanitizer: an export is data, read by
/// programs, and a terminal is not where it goes (`taskdash export … | less` shows escapes as
/// less does).
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, jsonl

  /// The header line, if the format has one.
  func header(_ columns: [ExportColumn]) -> String? {
    switch self {
    case .csv: columns.map { Self.csvField($0.name) }.joined(separator: ",") + "\r\n"
    case .jsonl: nil
    }
  }

  /// One row as a line.
  func line(_ values: [String?], columns: [ExportColumn]) -> String {
    switch self {
    case .csv:
      return values.map { $0.map(Self.csvField) ?? "" }.joined(separator: ",") + "\r\n"
    case .jsonl:
      var line = "{"
      for (index, column) in columns.enumerated() {
        if index > 0 { line += "," }
        line += JSONText.string(column.name) + ":"
        let value = index < values.count ? values[index] : nil
        switch (value, column.kind) {
        case (nil, _): line += "null"
        case (let number?, .number): line += Self.jsonNumber(number)
        case (let text?, .text): line += JSONText.string(text)
        }
      }
      return line + "}\n"
    }
  }

  /// A CSV field, quoted when it must be.
  static func csvField(_ text: String) -> String {
    let needsQuotes =
      text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
      || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A number's text as JSON: as it is when JSON can hold it; NaN and the infinities, which it
  /// cannot, are null.
  static func jsonNumber(_ text: String) -> String {
    guard let value = Double(text), value.isFinite else { return "null" }
    return text
  }
}
