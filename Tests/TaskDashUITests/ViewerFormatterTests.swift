import Testing

@testable import TaskDashUI

@Suite struct ViewerFormatterTests {
  @Test func jsonLinesKeepEveryCharacterAndMarkTheirTokens() {
    let line = JSONLineStyler().format(#"    "alpha": [true, null, "x\"y", -1.5e3],"#)
    #expect(line.text == #"    "alpha": [true, null, "x\"y", -1.5e3],"#)
    #expect(line.spans.contains(ViewerLine.Span(#""alpha""#, .jsonKey)))
    #expect(line.spans.contains(ViewerLine.Span("true", .jsonLiteral)))
    #expect(line.spans.contains(ViewerLine.Span(#""x\"y""#, .jsonString)))
    #expect(line.spans.contains(ViewerLine.Span("-1.5e3", .jsonNumber)))
  }

  @Test func anUnterminatedStringRunsToTheEndOfTheLine() {
    let line = JSONLineStyler().format(#"  "open: [1,"#)
    #expect(line.spans == [ViewerLine.Span("  "), ViewerLine.Span(#""open: [1,"#, .jsonString)])
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
