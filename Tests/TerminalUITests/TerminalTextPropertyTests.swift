import SeededRandom
import Testing

@testable import TerminalUI

@Suite struct TerminalTextPropertyTests {
  /// Bytes weighted towards the troublesome: controls, ESC, C1 lead bytes, UTF-8 fragments.
  private func hostileBytes(count: Int, using generator: inout SplitMix64) -> [UInt8] {
    let pieces: [[UInt8]] = [
      [0x1B], [0x1B, 0x5B], [0x07], [0x08], [0x0D], [0x0A], [0x09], [0x00], [0x7F], [0xC2, 0x9B], [0xC2, 0x85],
      [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0x8B], [0xEF, 0xBB, 0xBF], [0xCC, 0x81], [0xE4, 0xB8, 0xAD],
      [0xF0, 0x9F, 0x91, 0x8D], [0xF0, 0x9F, 0x87, 0xAB], [0xE1, 0x84, 0x80], [0xE1, 0x85, 0xA1], [0x80], [0xBF],
      [0xC0], [0xED, 0xA0], [0xF4, 0x90], [0xFF], [0x41], [0x20], [0x5C], [0xD7, 0x90],
    ]
    var bytes: [UInt8] = []
    while bytes.count < count {
      bytes += pieces[Int(generator.next() % UInt64(pieces.count))]
    }
    return bytes
  }

  @Test func noHostileInputLeavesATerminalControlInAnyOutput() {
    var generator = SplitMix64(seed: 42)
    for _ in 0..<300 {
      let bytes = hostileBytes(count: 64, using: &generator)
      let text = String(decoding: bytes, as: UTF8.self)
      var outputs = [TerminalText.sanitize(bytes: bytes), TerminalText.sanitize(text)]
      outputs += TerminalText.sanitizeLines(bytes: bytes)
      outputs.append(TerminalText.truncate(text, toWidth: 17))
      for output in outputs {
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
      }
    }
  }

  @Test func sanitizingTwiceChangesNothingMore() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<300 {
      let once = TerminalText.sanitize(bytes: hostileBytes(count: 48, using: &generator))
      #expect(TerminalText.sanitize(once) == once)
      #expect(TerminalText.scan(once, lineBreaks: false).report.isClean)
    }
  }

  @Test func truncationNeverExceedsTheWidthAndAgreesWithMeasuring() {
    var generator = SplitMix64(seed: 99)
    for _ in 0..<300 {
      let text = String(decoding: hostileBytes(count: 40, using: &generator), as: UTF8.self)
      let width = Int(generator.next() % 30)
      let cut = TerminalText.truncate(text, toWidth: width)
      #expect(TerminalText.displayWidth(cut) <= width)
      if TerminalText.displayWidth(text) <= width {
        #expect(cut == TerminalText.sanitize(text))
      }
      #expect(TerminalText.displayWidth(TerminalText.pad(text, toWidth: width, alignment: .right)) == width)
    }
  }

  @Test func drawingHostileTextKeepsEveryWideGlyphWhole() {
    var generator = SplitMix64(seed: 3)
    for _ in 0..<200 {
      var buffer = Buffer(size: Size(width: 13, height: 2))
      for _ in 0..<4 {
        let text = String(decoding: hostileBytes(count: 24, using: &generator), as: UTF8.self)
        let x = Int(generator.next() % 16) - 3
        buffer.put(string: text, x: x, y: Int(generator.next() % 2), maxWidth: Int(generator.next() % 14))
      }
      for y in 0..<2 {
        for x in 0..<13 {
          let cell = buffer[x, y]
          if cell.isContinuation {
            #expect(x > 0 && TerminalText.displayWidth(of: Character(buffer[x - 1, y].glyph)) == 2)
          } else if TerminalText.displayWidth(of: Character(cell.glyph)) == 2 {
            #expect(x + 1 < 13 && buffer[x + 1, y].isContinuation)
          }
        }
      }
    }
  }

  // MARK: - Long input

  @Test func tenMegabytesOfBytesAreCutAtTheLineLimit() {
    let bytes = [UInt8](repeating: 0x61, count: 10_000_000)
    let text = TerminalText.sanitize(bytes: bytes)
    #expect(text.count == TerminalText.defaultLineLimit + 1)
    #expect(text.hasSuffix("a…"))
    // Lines are cut at the limit too, but the rest of a long line is still read to find the next one.
    let lines = TerminalText.sanitizeLines(bytes: bytes[..<1_000_000] + [0x0A, 0x62], limit: 8)
    #expect(lines == ["aaaaaaaa…", "b"])
  }

  @Test func tenMegabytesDrawnIntoACellRowWriteOnlyTheRow() {
    let line = String(repeating: "x\u{1b}", count: 5_000_000)
    var buffer = Buffer(size: Size(width: 10, height: 1))
    buffer.put(string: line, x: 0, y: 0, ellipsis: "…")
    #expect(buffer.rows == ["x\\x1bx\\x1…"])
  }
}
