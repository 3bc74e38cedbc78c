/// An in-memory terminal for tests: a buffer as the screen, scripted input, and a record of
/// what each frame wrote.
///
/// `present` applies the diff against the screen exactly as a real backend would, so a test
/// can check both the picture (`screen.rows`) and the cost (`cellsWritten`).
@MainActor
public final class TestTerminal: Terminal {
  /// The current size; `resize(to:)` changes it.
  public private(set) var size: Size
  /// What the screen shows now.
  public private(set) var screen: Buffer
  /// Cells written by each `present`, in order (continuation cells not counted).
  public private(set) var cellsWritten: [Int] = []
  /// The timeouts `nextEvent` was called with, in order.
  public private(set) var requestedTimeouts: [Int] = []
  /// How many times `restore` was called.
  public private(set) var restoreCount = 0
  /// The messages of every `notify`, in order.
  public private(set) var notifications: [String] = []
  private var events: [TerminalEvent] = []
  private var nextEventIndex = 0
  private let isWakeable: Bool

  /// A blank terminal of `size`, with `events` queued as input; when `wakeable`, it hands out a
  /// waker, as a real terminal does, so the loop may wait long for input.
  public init(size: Size, events: [TerminalEvent] = [], wakeable: Bool = false) {
    self.size = size
    self.screen = Buffer(size: size)
    self.events = events
    self.isWakeable = wakeable
  }

  /// A waker that does nothing (a scripted `nextEvent` never blocks), when made `wakeable`.
  public func makeWaker() -> (@Sendable () -> Void)? {
    guard isWakeable else { return nil }
    return {}
  }

  /// Frames presented so far.
  public var presentCount: Int { cellsWritten.count }

  /// Queues input for later `nextEvent` calls.
  public func enqueue(_ newEvents: [TerminalEvent]) {
    events += newEvents
  }

  /// Queues key presses.
  public func enqueue(keys: [KeyEvent]) {
    enqueue(keys.map(TerminalEvent.key))
  }

  /// Changes the size and queues the resize event a real terminal would deliver.
  public func resize(to newSize: Size) {
    size = newSize
    events.append(.resize(newSize))
  }

  /// Copies the cells of `buffer` that differ from the screen onto it.
  public func present(_ buffer: Buffer) {
    var written = 0
    let runs = buffer.diff(from: screen)
    if buffer.size != screen.size { screen = Buffer(size: buffer.size) }
    for run in runs {
      for (index, cell) in run.cells.enumerated() {
        screen[run.x + index, run.y] = cell
        if !cell.isContinuation { written += 1 }
      }
    }
    cellsWritten.append(written)
  }

  /// The next queued event, or nil when the script has run out (as a timeout would).
  public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    requestedTimeouts.append(timeoutMilliseconds)
    guard nextEventIndex < events.count else { return nil }
    defer { nextEventIndex += 1 }
    return events[nextEventIndex]
  }

  /// Counts the call; there is nothing to give back.
  public func restore() {
    restoreCount += 1
  }

  /// Records the notification.
  public func notify(_ message: String) {
    notifications.append(message)
  }
}
