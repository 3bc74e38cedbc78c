import Testing

@testable import TerminalUI

@MainActor
@Suite struct TestTerminalTests {
  private func frame(_ text: String, size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    buffer.put(string: text, x: 0, y: 0)
    return buffer
  }

  @Test func anUnchangedFrameWritesNothing() {
    let terminal = TestTerminal(size: Size(width: 8, height: 2))
    terminal.present(frame("hello", size: terminal.size))
    terminal.present(frame("hello", size: terminal.size))
    #expect(terminal.cellsWritten == [5, 0])
    #expect(terminal.screen.rows == ["hello   ", "        "])
  }

  @Test func aChangedCellWritesOnlyThatCell() {
    let terminal = TestTerminal(size: Size(width: 8, height: 1))
    terminal.present(frame("hello", size: terminal.size))
    terminal.present(frame("hallo", size: terminal.size))
    #expect(terminal.cellsWritten == [5, 1])
    #expect(terminal.screen.rows == ["hallo   "])
  }

  @Test func aWideGlyphCountsAsOneWrite() {
    let terminal = TestTerminal(size: Size(width: 4, height: 1))
    terminal.present(frame("中a", size: terminal.size))
    #expect(terminal.cellsWritten == [2])
    #expect(terminal.screen.rows == ["中a "])
  }

  @Test func aResizeQueuesItsEventAndTheNextFrameRepaintsEverything() {
    let terminal = TestTerminal(size: Size(width: 3, height: 1))
    terminal.present(frame("abc", size: terminal.size))
    terminal.resize(to: Size(width: 4, height: 2))
    #expect(terminal.nextEvent(timeoutMilliseconds: 100) == .resize(Size(width: 4, height: 2)))
    terminal.present(frame("abc", size: terminal.size))
    #expect(terminal.cellsWritten == [3, 8])
    #expect(terminal.screen.rows == ["abc ", "    "])
  }

  @Test func scriptedEventsComeOutInOrderThenNothing() {
    let terminal = TestTerminal(size: Size(width: 1, height: 1), events: [.key(.character("j"))])
    terminal.enqueue(keys: [.down, .control("c")])
    #expect(terminal.nextEvent(timeoutMilliseconds: 50) == .key(.character("j")))
    #expect(terminal.nextEvent(timeoutMilliseconds: 50) == .key(.down))
    #expect(terminal.nextEvent(timeoutMilliseconds: 50) == .key(.control("c")))
    #expect(terminal.nextEvent(timeoutMilliseconds: 25) == nil)
    #expect(terminal.requestedTimeouts == [50, 50, 50, 25])
  }

  @Test func restoreIsCounted() {
    let terminal = TestTerminal(size: Size(width: 1, height: 1))
    terminal.restore()
    terminal.restore()
    #expect(terminal.restoreCount == 2)
    #expect(terminal.presentCount == 0)
  }
}
