import CNCurses
import Foundation
import TerminalUI

/// The real terminal, through ncursesw: the only `Terminal` that touches a screen.
///
/// Use it from the main thread (SIGWINCH and the other signals land there), with a finite
/// timeout, and check `terminationSignal` on every turn: `nextEvent` returns nil at once while
/// one is pending.
///
///     let terminal = try NCursesTerminal()      // TerminalUnavailable: print it, exit non-zero
///     while terminal.terminationSignal == nil {
///       if let event = terminal.nextEvent(timeoutMilliseconds: 100) { ... }
///       terminal.present(buffer)                // only when something changed
///     }
///     terminal.restore()
///     exit(terminal.terminationSignal?.exitStatus ?? 0)
///
/// Ctrl-Z and `fg` are handled inside `nextEvent` and `present` (the last frame is repainted);
/// crashes, `exit()` and a second SIGINT/SIGTERM while the loop is stuck restore the terminal
/// from the signal handlers.
@MainActor
public final class NCursesTerminal: Terminal {
  /// Whether colours are drawn (false with NO_COLOR or a monochrome terminal).
  public let colorsEnabled: Bool
  /// How many cells the last `present` sent to ncurses: a cost measure for benchmarks.
  public private(set) var cellsWrittenByLastPresent = 0

  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let output: UnsafeMutablePointer<FILE>
  private let input: UnsafeMutablePointer<FILE>
  private let handlesSignals: Bool
  private let crashesOnPresent: Bool
  private let notification: DesktopNotification
  private let attributes = StyleAttributes.ncurses
  private var pairs: ColorPairTable
  private var planner: FramePlanner
  private var plannedSize: Size?
  private var pendingEvents: [TerminalEvent] = []
  /// Ends a wait for input early, once `makeWaker()` made it.
  private var wakePipe: WakePipe?
  private var active = true

  /// Starts curses on the terminal at `inputDescriptor` / `outputDescriptor`, or says why it
  /// cannot without writing a byte to it.
  ///
  /// - Parameters:
  ///   - environment: where TERM, NO_COLOR and TASKDASH_TEST_CRASH are read.
  ///   - handlesSignals: install the signal, crash and exit handlers (only tests turn this off).
  /// - Throws: `TerminalUnavailable` for no tty, no or unknown TERM, or a terminal too limited.
  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    inputDescriptor: Int32 = STDIN_FILENO, outputDescriptor: Int32 = STDOUT_FILENO,
    handlesSignals: Bool = true, mouse: Bool = false
  ) throws(TerminalUnavailable) {
    let unicode = LocaleSetup.prepare()
    var leaveBytes: [UInt8] = []
    let term = environment["TERM"]
    if let problem = TerminalPreflight.check(
      inputIsTerminal: isatty(inputDescriptor) == 1, outputIsTerminal: isatty(outputDescriptor) == 1,
      term: term,
      probe: { name in
        let probe = TerminfoProbe.run(term: name, descriptor: outputDescriptor)
        leaveBytes = probe.leaveBytes
        return probe.verdict
      })
    {
      throw problem
    }
    let name = term ?? ""
    guard let output = fdopen(dup(outputDescriptor), "w") else { throw .startFailed(name) }
    guard let input = fdopen(dup(inputDescriptor), "r") else {
      fclose(output)
      throw .startFailed(name)
    }
    // With the mouse on, a crash or a signal must switch its reporting off first, or the shell
    // would receive an escape sequence for every click and wheel turn after taskdash is gone.
    if mouse { leaveBytes = Self.mouseReportingOff + leaveBytes }
    _ = TerminalGuard.prepare(descriptor: fileno(output), leaveBytes: leaveBytes)
    if handlesSignals { _ = TerminalGuard.install() }
    // From here a crash must put the screen back: newterm already enters the alternate screen.
    TerminalGuard.screenActive = true
    guard let screen = newterm(name, output, input), let window = taskdash_stdscr() else {
      TerminalGuard.screenActive = false
      TerminalGuard.restoreModes()
      if handlesSignals { TerminalGuard.uninstall() }
      fclose(output)
      fclose(input)
      throw .startFailed(name)
    }
    self.screen = screen
    self.window = window
    self.output = output
    self.input = input
    self.handlesSignals = handlesSignals
    self.crashesOnPresent = environment["TASKDASH_TEST_CRASH"] == "draw"
    self.notification = DesktopNotification(environment: environment)
    planner = FramePlanner(asciiOnly: !unicode) { Int(taskdash_wcwidth(wchar_t(bitPattern: $0.value))) }

    cbreak()
    noecho()
    nonl()
    intrflush(window, false)
    keypad(window, true)
    leaveok(window, true)
    curs_set(0)
    set_escdelay(25)
    // By default curses polls the input between lines of an update, to stop drawing when a key
    // is waiting, and flushes its output each time it looks: a frame went out in twenty small
    // writes. A frame here is a few changed cells, so it goes out whole, in one write.
    typeahead(-1)
    if mouse {
      _ = taskdash_enable_mouse()
      // A click is a press and a release within this many milliseconds; two make a double.
      mouseinterval(250)
    }
    // Ctrl-S, typed by habit or pasted, would otherwise stop every frame until Ctrl-Q; curses
    // keeps this mode as the program's, so it is back after Ctrl-Z and fg.
    if taskdash_disable_flow_control(fileno(input)) == 0 { def_prog_mode() }

    var colors = false
    var defaultColors = false
    if !ColorPairTable.isDisabled(byNoColor: environment["NO_COLOR"]), taskdash_has_colors() != 0,
      start_color() == OK
    {
      colors = true
      defaultColors = use_default_colors() == OK
    }
    colorsEnabled = colors
    pairs = ColorPairTable(capacity: Int(taskdash_color_pairs()), defaultColors: defaultColors)
  }

  isolated deinit {
    restore()
  }

  /// The current size in cells.
  public var size: Size {
    guard active else { return Size(width: 0, height: 0) }
    return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
  }

  /// The termination signal received (SIGINT, SIGTERM, SIGHUP, SIGQUIT), if any: the run loop
  /// should stop, call `restore()` and exit with its `exitStatus`.
  public var terminationSignal: TerminationSignal? { TerminalGuard.terminationSignal }

  /// Shows `buffer`: sends only the cells that changed, then one `doupdate`.
  public func present(_ buffer: Buffer) {
    // A crash on another thread has already given the terminal back: draw nothing more.
    guard active, TerminalGuard.screenActive else { return }
    suspendIfRequested()
    let current = size
    if plannedSize != current {
      // The only full clear: the first frame and a new size.
      werase(window)
      clearok(window, true)
      planner.reset(to: current)
      plannedSize = current
    }
    let writes = planner.plan(buffer)
    for write in writes { draw(write) }
    wnoutrefresh(window)
    doupdate()
    cellsWrittenByLastPresent = writes.count
    if crashesOnPresent { fatalError("crash requested by TASKDASH_TEST_CRASH=draw") }
  }

  /// Rings the bell (and raises a desktop notification where the terminal shows one) by writing
  /// to curses' own output stream after its last update, so the bytes never land inside a
  /// frame's escape sequences.
  public func notify(_ message: String) {
    guard active, TerminalGuard.screenActive else { return }
    let bytes = notification.bytes(for: message)
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, output) }
    fflush(output)
  }

  /// Waits at most `timeoutMilliseconds` for a key or a resize; nil when nothing came, when a
  /// termination signal is pending, or after a suspension (the screen is already redrawn).
  ///
  /// Once a waker was made, the wait is a `poll` on the input and the waker's pipe, so news for
  /// the loop ends it at once; ncurses then reads what the input holds without waiting.
  public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    guard active, TerminalGuard.screenActive else { return nil }
    if !pendingEvents.isEmpty { return pendingEvents.removeFirst() }
    if terminationSignal != nil || suspendIfRequested() { return nil }
    guard let wakePipe, timeoutMilliseconds > 0 else { return read(timeoutMilliseconds: timeoutMilliseconds).event }
    // Keys ncurses already buffered are not visible to poll: they come first.
    let buffered = read(timeoutMilliseconds: 0)
    if buffered.read { return buffered.event }
    // A resize or a termination signal ends the poll too (EINTR).
    wakePipe.wait(on: fileno(input), timeoutMilliseconds: Int32(clamping: timeoutMilliseconds))
    return read(timeoutMilliseconds: 0).event
  }

  /// Makes the pipe that ends `nextEvent`'s wait; the function writes a byte to it.
  public func makeWaker() -> (@Sendable () -> Void)? {
    if wakePipe == nil { wakePipe = WakePipe() }
    guard let wakePipe else { return nil }
    return { wakePipe.signal() }
  }

  /// One `wget_wch` with this timeout: whether it read anything, and the event it decoded.
  private func read(timeoutMilliseconds: Int) -> (read: Bool, event: TerminalEvent?) {
    wtimeout(window, Int32(clamping: max(0, timeoutMilliseconds)))
    var value: wint_t = 0
    switch wget_wch(window, &value) {
    case KEY_CODE_YES where Int32(bitPattern: value) == KEY_RESIZE:
      return (true, .resize(drainResizes()))
    case KEY_CODE_YES where Int32(bitPattern: value) == KEY_MOUSE:
      return (true, Self.mouseEvent())
    case KEY_CODE_YES:
      return (true, KeyDecoder.decode(keyCode: Int32(bitPattern: value)).map(TerminalEvent.key))
    case OK:
      return (true, KeyDecoder.decode(character: value).map(TerminalEvent.key))
    default:
      // Interrupted by a signal, or the timeout passed.
      suspendIfRequested()
      return (false, nil)
    }
  }

  /// Every xterm mouse reporting mode off (press/release, button motion, any motion, SGR
  /// coordinates), whichever the terminal's terminfo made curses turn on.
  static let mouseReportingOff = Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)

  /// The mouse event curses has just reported, if it is one taskdash asked for.
  private static func mouseEvent() -> TerminalEvent? {
    var x: Int32 = 0
    var y: Int32 = 0
    let kind: MouseEvent.Kind
    switch Int(taskdash_mouse_event(&x, &y)) {
    case TASKDASH_MOUSE_CLICK: kind = .click
    case TASKDASH_MOUSE_DOUBLE_CLICK: kind = .doubleClick
    case TASKDASH_MOUSE_WHEEL_UP: kind = .wheelUp
    case TASKDASH_MOUSE_WHEEL_DOWN: kind = .wheelDown
    default: return nil
    }
    return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
  }

  /// Gives the terminal back as it was found: leaves curses, restores the saved modes, shows
  /// the cursor and puts back the signal handlers. Safe to call more than once.
  public func restore() {
    guard active else { return }
    active = false
    endwin()
    delscreen(screen)
    TerminalGuard.screenActive = false
    // endwin restored the modes ncurses saved; these are the ones found before it started.
    TerminalGuard.restoreModes()
    fclose(output)
    fclose(input)
    if handlesSignals { TerminalGuard.uninstall() }
  }

  /// Reads every resize already queued behind the first, keeping any key that follows; the
  /// size reported is the last one.
  private func drainResizes() -> Size {
    wtimeout(window, 0)
    var value: wint_t = 0
    while true {
      let status = wget_wch(window, &value)
      if status == KEY_CODE_YES, Int32(bitPattern: value) == KEY_RESIZE { continue }
      if status == KEY_CODE_YES, let key = KeyDecoder.decode(keyCode: Int32(bitPattern: value)) {
        pendingEvents.append(.key(key))
      } else if status == OK, let key = KeyDecoder.decode(character: value) {
        pendingEvents.append(.key(key))
      }
      break
    }
    return size
  }

  /// Acts on Ctrl-Z from the main thread: leaves curses, stops, and on `fg` re-enters with a
  /// full repaint of the last frame. True when a suspension happened.
  @discardableResult
  private func suspendIfRequested() -> Bool {
    var suspended = false
    if TerminalGuard.takeStoppedInPlace() {
      // A handler already gave the terminal back; let ncurses leave and re-enter properly.
      endwin()
      doupdate()
      suspended = true
    }
    if TerminalGuard.suspendRequested {
      endwin()
      TerminalGuard.screenActive = false
      TerminalGuard.restoreModes()
      TerminalGuard.clearSuspendRequest()
      TerminalGuard.stopProcess()
      TerminalGuard.screenActive = true
      // After endwin, doupdate re-enters program mode and the alternate screen and repaints.
      doupdate()
      suspended = true
    }
    return suspended
  }

  private func draw(_ write: FramePlanner.Write) {
    var characters = write.scalars.map { wchar_t(bitPattern: $0.value) }
    characters.append(0)
    var pair: Int16 = 0
    if colorsEnabled {
      let (number, definition) = pairs.pair(foreground: write.style.foreground, background: write.style.background)
      if let definition { init_pair(definition.pair, definition.foreground, definition.background) }
      pair = number
    }
    var cell = cchar_t()
    setcchar(&cell, characters, attributes.attributes(for: write.style), pair, nil)
    mvwadd_wch(window, Int32(write.y), Int32(write.x), &cell)
  }
}
