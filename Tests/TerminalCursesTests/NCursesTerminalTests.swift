import CNCurses
import Glibc
import Testing
import TerminalUI

@testable import TerminalCurses

/// The real backend on a pseudo-terminal. ncurses is process-global, so these run one at a time.
@MainActor
@Suite(.serialized) struct NCursesTerminalTests {
  private let environment = ["TERM": "xterm-256color"]

  private func open(
    _ pty: PseudoTerminal, environment: [String: String]? = nil, handlesSignals: Bool = false
  ) throws -> NCursesTerminal {
    try NCursesTerminal(
      environment: environment ?? self.environment, inputDescriptor: pty.device, outputDescriptor: pty.device,
      handlesSignals: handlesSignals)
  }

  /// The first event within a few seconds. Signals sent to the process are handled on
  /// whichever thread does not block them, which need not be the one waiting for input.
  private func firstEvent(_ terminal: NCursesTerminal) -> TerminalEvent? {
    for _ in 0..<100 {
      if let event = terminal.nextEvent(timeoutMilliseconds: 50) { return event }
    }
    return nil
  }

  private func frame(_ size: Size, _ rows: [(Int, String)]) -> Buffer {
    var buffer = Buffer(size: size)
    for (y, text) in rows {
      var x = 0
      for character in text {
        buffer[x, y] = Cell(String(character))
        x += 1
      }
    }
    return buffer
  }

  @Test func aFrameReachesTheTerminalAndAnUnchangedFrameSendsNothing() throws {
    let pty = try #require(PseudoTerminal(columns: 20, rows: 4))
    let terminal = try open(pty)
    defer { terminal.restore() }
    #expect(terminal.size == Size(width: 20, height: 4))
    var buffer = frame(terminal.size, [(0, "box ─│┌"), (1, "⣿▇ é")])
    buffer[0, 2] = Cell("中")
    buffer[1, 2] = .continuation
    terminal.present(buffer)
    let drawn = pty.drainText()
    #expect(drawn.contains("box ─│┌"))
    #expect(drawn.contains("⣿▇ é"))
    #expect(drawn.contains("中"))
    // Blank cells on a cleared screen and the right half of 中 are not sent.
    #expect(terminal.cellsWrittenByLastPresent == 10)

    terminal.present(buffer)
    #expect(terminal.cellsWrittenByLastPresent == 0)
    buffer[2, 0] = Cell("X")
    terminal.present(buffer)
    #expect(terminal.cellsWrittenByLastPresent == 1)
    #expect(pty.drainText().contains("X"))
  }

  @Test func keysTypedOnTheTerminalArriveAsKeyEvents() throws {
    let pty = try #require(PseudoTerminal(columns: 20, rows: 4))
    let terminal = try open(pty)
    defer { terminal.restore() }
    let typed: [(String, KeyEvent)] = [
      ("q", .character("q")), ("\u{1B}OA", .up), ("\u{1B}[6~", .pageDown), ("\u{1B}[Z", .backTab),
      ("\r", .enter), ("\u{7F}", .backspace), ("\u{1B}OQ", .function(2)), ("\u{17}", .control("w")),
      ("ü", .character("ü")), ("\u{1B}", .escape),
    ]
    for (bytes, key) in typed {
      pty.type(bytes)
      #expect(terminal.nextEvent(timeoutMilliseconds: 2000) == .key(key), "typed \(bytes.debugDescription)")
    }
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
  }

  @Test func aResizeIsReportedWithTheNewSizeAndTheNextFrameIsRedrawnWhole() throws {
    let pty = try #require(PseudoTerminal(columns: 20, rows: 4))
    let terminal = try open(pty)
    defer { terminal.restore() }
    terminal.present(frame(terminal.size, [(0, "abc")]))
    pty.resize(columns: 30, rows: 6)
    kill(getpid(), SIGWINCH)
    #expect(firstEvent(terminal) == .resize(Size(width: 30, height: 6)))
    _ = pty.drain()
    terminal.present(frame(terminal.size, [(0, "abc")]))
    #expect(terminal.cellsWrittenByLastPresent == 3)
    #expect(pty.drainText().contains("abc"))
  }

  @Test func queuedResizesAreReportedOnceAndAKeyBehindThemIsKept() throws {
    let pty = try #require(PseudoTerminal(columns: 20, rows: 4))
    let terminal = try open(pty)
    defer { terminal.restore() }
    // ungetch pushes to the front, so the key goes in first to come out last.
    ungetch(Int32(UInt8(ascii: "x")))
    for _ in 0..<3 { ungetch(KEY_RESIZE) }
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(Size(width: 20, height: 4)))
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.character("x")))
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
  }

  @Test func restoreGivesBackTheModesItFoundAndLeavesTheAlternateScreen() throws {
    let pty = try #require(PseudoTerminal(columns: 20, rows: 4))
    let before = pty.modes()
    let terminal = try open(pty)
    terminal.present(frame(terminal.size, [(0, "hi")]))
    #expect(pty.modes().c_lflag & tcflag_t(ICANON) == 0)
    _ = pty.drain()
    terminal.restore()
    terminal.restore()
    #expect(sameModes(pty.modes(), before))
    let leaving = pty.drainText()
    #expect(leaving.contains("\u{1B}[?1049l"))
    #expect(leaving.contains("\u{1B}[?25h"))
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
  }

  @Test func colouredCellsUseColoursUnlessNoColorIsSet() throws {
    var buffer = Buffer(size: Size(width: 20, height: 4))
    buffer[0, 0] = Cell("R", style: Style(foreground: .red, bold: true))
    for (noColor, coloured) in [(String?.none, true), ("1", false)] {
      let pty = try #require(PseudoTerminal(columns: 20, rows: 4))
      var environment = environment
      environment["NO_COLOR"] = noColor
      let terminal = try open(pty, environment: environment)
      terminal.present(buffer)
      let drawn = pty.drainText()
      terminal.restore()
      #expect(terminal.colorsEnabled == coloured)
      #expect(drawn.contains("31m") == coloured)
      #expect(drawn.contains("\u{1B}[0;1m"))
    }
  }

  @Test func aTerminationSignalBecomesAFlagForTheRunLoopAndRestorePutsTheHandlerBack() throws {
    let pty = try #require(PseudoTerminal(columns: 20, rows: 4))
    var previous = sigaction()
    sigaction(SIGTERM, nil, &previous)
    let terminal = try open(pty, handlesSignals: true)
    #expect(terminal.terminationSignal == nil)
    kill(getpid(), SIGTERM)
    for _ in 0..<100 where terminal.terminationSignal == nil {
      _ = terminal.nextEvent(timeoutMilliseconds: 50)
    }
    #expect(terminal.terminationSignal == .terminate)
    #expect(terminal.nextEvent(timeoutMilliseconds: 1000) == nil)
    terminal.restore()
    var after = sigaction()
    sigaction(SIGTERM, nil, &after)
    #expect(handlerAddress(after) == handlerAddress(previous))
  }

  private func handlerAddress(_ action: sigaction) -> UInt {
    unsafeBitCast(action.__sigaction_handler.sa_handler, to: UInt.self)
  }

  @Test func withoutATerminalNothingIsWrittenAndTheReasonIsGiven() throws {
    let pty = try #require(PseudoTerminal(columns: 20, rows: 4))
    let null = Glibc.open("/dev/null", O_RDWR)
    defer { close(null) }
    #expect(throws: TerminalUnavailable.inputNotATerminal) {
      try NCursesTerminal(environment: environment, inputDescriptor: null, outputDescriptor: pty.device)
    }
    #expect(throws: TerminalUnavailable.outputNotATerminal) {
      try NCursesTerminal(environment: environment, inputDescriptor: pty.device, outputDescriptor: null)
    }
    #expect(throws: TerminalUnavailable.terminalTypeTooLimited("dumb")) { try open(pty, environment: ["TERM": "dumb"]) }
    #expect(throws: TerminalUnavailable.unknownTerminalType("no-such-terminal")) {
      try open(pty, environment: ["TERM": "no-such-terminal"])
    }
    #expect(throws: TerminalUnavailable.terminalTypeUnset) { try open(pty, environment: [:]) }
    #expect(pty.drain().isEmpty)
  }

  @Test func theProbeFindsTheBytesThatLeaveCursesMode() {
    let probe = TerminfoProbe.run(term: "xterm-256color", descriptor: -1)
    #expect(probe.verdict == .usable)
    let text = String(decoding: probe.leaveBytes, as: UTF8.self)
    #expect(text.hasSuffix("\u{1B}[?1049l\u{1B}[23;0;0t"))
    #expect(text.contains("\u{1B}[?25h"))
    #expect(!text.contains("$<"))
  }
}
