import Foundation
import TaskDashStore
import Testing

@testable import taskdash

/// CSV and JSON lines as `taskdash export` writes them: text as stored, quoted or escaped.
@Suite struct ExportFormatTests {
  static let columns = [ExportColumn("name"), ExportColumn("value", .number), ExportColumn("note")]

  @Test func csvQuotesOnlyTheFieldsThatNeedItAndEndsLinesWithCRLF() {
    #expect(ExportFormat.csv.header(Self.columns) == "name,value,note\r\n")
    #expect(ExportFormat.csv.line(["plain", "1.5", nil], columns: Self.columns) == "plain,1.5,\r\n")
    #expect(
      ExportFormat.csv.line([#"say "hi", then"#, "2", "two\nlines"], columns: Self.columns)
        == "\"say \"\"hi\"\", then\",2,\"two\nlines\"\r\n")
    #expect(ExportFormat.csvField(" padded ") == "\" padded \"")
    #expect(ExportFormat.csvField("cr\rhere") == "\"cr\rhere\"")
    // An empty string is a field with nothing in it; NULL is the same on the line.
    #expect(ExportFormat.csvField("") == "")
    // Escape sequences and other controls are data here, not screen text.
    #expect(ExportFormat.csvField("\u{1B}[31mred") == "\u{1B}[31mred")
  }

  @Test func jsonLinesAreObjectsThatJSONReadsBackEqual() throws {
    let hostile = "q\"uote \\ back\nnew\ttab \u{1}\u{1B}[0m ☃ \u{202E}"
    let line = ExportFormat.jsonl.line([hostile, "-1.5e-7", nil], columns: Self.columns)
    #expect(line.hasSuffix("}\n"))
    #expect(!line.dropLast().contains("\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["name"] as? String == hostile)
    #expect((object["value"] as? NSNumber)?.doubleValue == -1.5e-7)
    #expect(object["note"] is NSNull)
    #expect(ExportFormat.jsonl.header(Self.columns) == nil)
  }

  @Test func aNumberJSONCannotHoldIsNull() {
    for text in ["NaN", "Infinity", "-Infinity"] {
      #expect(ExportFormat.jsonNumber(text) == "null")
    }
    #expect(ExportFormat.jsonNumber("12") == "12")
    #expect(ExportFormat.jsonNumber("1e+20") == "1e+20")
  }
}
