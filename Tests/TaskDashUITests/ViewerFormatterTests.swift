import Testing

@testable import TaskDashUI

@Suite struct ViewerFormatterTests {
  @Test func jsonIsReindentedInTheDocumentsKeyOrder() {
    let lines = JSONFormatter().format(#"{"zeta":1,"alpha":[true,null,"x"],"empty":{}}"#)
    #expect(
      lines.map(\.text) == [
        "{",
        #"  "zeta": 1,"#,
        #"  "alpha": ["#,
        "    true,",
        "    null,",
        #"    "x""#,
        "  ],",
        #"  "empty": {}"#,
        "}",
      ])
    #expect(lines[1].spans.first(where: { $0.role == .jsonKey })?.text == #""zeta""#)
    #expect(lines[5].spans.contains(ViewerLine.Span(#""x""#, .jsonString)))
  }

  @Test func escapedQuotesStayInsideTheirString() {
    let lines = JSONFormatter().format(#"["a\"],{b", 2]"#)
    #expect(lines.map(\.text) == ["[", #"  "a\"],{b","#, "  2", "]"])
  }

  @Test func textThatIsNotJSONStillComesOut() {
    #expect(JSONFormatter().format("not json").map(\.text) == ["not json"])
    #expect(JSONFormatter().format("{\"open\": [1,").map(\.text) == ["{", #"  "open": ["#, "    1,"])
  }

  @Test func markdownHeadingsListsAndCodeBlocksGetTheirRoles() {
    var inCode = false
    let source = ["# Title", "- item", "12. numbered", "```swift", "# not a heading", "```", "> quote", "text"]
    let lines = MarkdownFormatter().format(source.map { Substring($0) }, inCodeBlock: &inCode)
    #expect(lines[0].spans[0].role == .heading)
    #expect(lines[1].spans[0] == ViewerLine.Span("- ", .listMarker))
    #expect(lines[2].spans[0] == ViewerLine.Span("12. ", .listMarker))
    #expect(lines[3...5].allSatisfy { $0.spans[0].role == .code })
    #expect(lines[6].spans[0].role == .quote)
    #expect(lines[7].spans[0].role == .plain)
    #expect(!inCode)
  }

  @Test func logLevelsAndTimestampsAreMarked() {
    let line = LogFormatter().format("2026-11-25 10:00:00.123 ERROR tool call failed")
    #expect(line.spans.first == ViewerLine.Span("2026-11-25 10:00:00.123", .timestamp))
    #expect(line.spans.contains(ViewerLine.Span("ERROR", .logError)))
    #expect(line.text == "2026-11-25 10:00:00.123 ERROR tool call failed")
    #expect(LogFormatter().format("plain words").spans == [ViewerLine.Span("plain words")])
  }

  @Test func hexDumpShowsOffsetBytesAndPrintableText() {
    let bytes: [UInt8] = Array("Hello\u{0}world!\n-+=".utf8)
    let lines = HexFormatter().format(bytes, offset: 32).map(\.text)
    #expect(
      lines == [
        "00000020  48 65 6c 6c 6f 00 77 6f  72 6c 64 21 0a 2d 2b 3d  |Hello.world!.-+=|"
      ])
    let short = HexFormatter().format([0x41], offset: 0).map(\.text)
    #expect(short == ["00000000  41" + String(repeating: " ", count: 48) + "|A|"])
  }
}
