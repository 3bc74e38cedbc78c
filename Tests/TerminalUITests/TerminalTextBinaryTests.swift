import Testing

@testable import TerminalUI

@Suite struct TerminalTextBinaryTests {
  @Test func aNulByteNearTheStartMeansBinary() {
    #expect(TerminalText.isBinary([0x89, 0x50, 0x4E, 0x47, 0x00]))
    #expect(!TerminalText.isBinary(Array("plain text\n".utf8)))
    #expect(!TerminalText.isBinary([UInt8](repeating: 0x41, count: 2000) + [0]))
    #expect(!TerminalText.isBinary([UInt8]()))
  }

  @Test func theHexDumpShowsOffsetsBytesAndPrintableText() {
    let bytes: [UInt8] = Array("Hello\n".utf8) + [0x00, 0xFF, 0x1B] + Array("[2J".utf8)
    #expect(
      TerminalText.hexDump(bytes, bytesPerLine: 8) == [
        "00000000  48 65 6c 6c 6f 0a 00 ff  |Hello...|",
        "00000008  1b 5b 32 4a              |.[2J|",
      ])
    #expect(TerminalText.hexDump([UInt8]()) == [])
  }

  @Test func theHexDumpHoldsOnlyPrintableASCII() {
    let lines = TerminalText.hexDump((0...255).map { UInt8($0) })
    #expect(lines.count == 16)
    for line in lines {
      #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
    }
  }
}
