import Glibc

/// A pseudo-terminal pair for driving the curses backend in tests: the program side is a
/// real tty, and the test reads what was drawn and types keys on the other side.
final class PseudoTerminal {
  let controller: Int32
  let device: Int32

  /// Opens a pair of `columns` by `rows`; nil when the system has no pseudo-terminals.
  init?(columns: Int, rows: Int) {
    var controller: Int32 = -1
    var device: Int32 = -1
    guard openpty(&controller, &device, nil, nil, nil) == 0 else { return nil }
    self.controller = controller
    self.device = device
    _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
    resize(columns: columns, rows: rows)
  }

  deinit {
    close(device)
    close(controller)
  }

  /// Sets the window size the program side sees.
  func resize(columns: Int, rows: Int) {
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
  }

  /// Everything drawn since the last call.
  func drain() -> [UInt8] {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(controller, &chunk, chunk.count)
      guard count > 0 else { break }
      result += chunk[0..<count]
    }
    return result
  }

  /// Everything drawn since the last call, as text.
  func drainText() -> String { String(decoding: drain(), as: UTF8.self) }

  /// Types `text` as if on a keyboard.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
  }

  /// The program side's terminal modes.
  func modes() -> termios {
    var modes = termios()
    _ = tcgetattr(device, &modes)
    return modes
  }
}

/// Whether two sets of terminal modes are the same, as `stty -g` would print them.
func sameModes(_ a: termios, _ b: termios) -> Bool {
  var a = a
  var b = b
  return withUnsafeBytes(of: &a) { left in withUnsafeBytes(of: &b) { right in left.elementsEqual(right) } }
}
