import Foundation
import TaskDashStore
import TaskDashViewModel
import TerminalUI

/// The dashboard's main loop: terminal events and poll results in, frames out.
///
/// Runs on the main thread: input is read with a timeout, messages from the runtime are
/// drained between reads, and a frame is drawn only when something changed. The terminal
/// backend sends just the cells that differ.
///
/// At rest the loop wakes once a second, for the tick: a terminal that can be woken ends the
/// wait for input itself when the runtime has news, and resizes and signals end it too
/// (`EINTR`). Without a waker the wait stays short, so news waits at most that long.
@MainActor
public final class DashboardLoop {
  /// How long one wait for input lasts when nothing but input can end it.
  public static let inputTimeoutMilliseconds = 100
  /// The longest wait for input on a terminal that the runtime can wake: the tick's period.
  public static let wakeableTimeoutMilliseconds = 1_000
  /// How long one wait for input lasts while the viewer waits for content.
  public static let loadingTimeoutMilliseconds = 5

  private let terminal: any Terminal
  private var runtime: Runtime
  private let clock: any PollClock
  private var target: String
  private var theme: Theme
  private let inbox = MessageInbox()
  /// The reader the panes read through; replaced when the operator switches environments.
  public private(set) var reader: any DashboardReading
  /// Opens the config file's environment of a name, for `e`; nil when there is nothing to
  /// switch to.
  private let openEnvironment: (@Sendable (String) async throws -> DashboardSource)?
  private var forwarder: Task<Void, Never>?
  /// The current state (read by tests and benchmarks).
  public private(set) var state: AppState
  private var lastTick = Date.distantPast
  private var needsFrame = true
  private var canBeWoken = false

  /// Creates a loop over `terminal` reading through `reader`; `clock` times polls, stamps
  /// data and drives the once-a-second tick; `push` carries the reader's push signals, if it
  /// listens for changes; `openEnvironment` opens another environment when the operator picks
  /// one with `e`.
  public init(
    terminal: any Terminal, reader: any DashboardReading, target: String, theme: Theme,
    settings: AppSettings = AppSettings(), clock: any PollClock = SystemPollClock(),
    push: AsyncStream<PushSignal>? = nil,
    openEnvironment: (@Sendable (String) async throws -> DashboardSource)? = nil
  ) {
    self.terminal = terminal
    self.reader = reader
    self.target = target
    self.theme = theme
    self.clock = clock
    self.openEnvironment = openEnvironment
    self.runtime = Runtime(reader: reader, clock: clock, interval: settings.initialInterval, push: push)
    self.state = AppState(settings: settings, now: clock.now)
  }

  /// Runs until the operator quits or `shouldStop` says so (a termination signal).
  public func run(shouldStop: () -> Bool = { false }) async {
    start()
    while !state.isQuitting && !shouldStop() {
      step(timeoutMilliseconds: inputWaitMilliseconds)
      if let name = state.requestedEnvironment { await switchEnvironment(to: name) }
    }
    await stop()
  }

  /// Moves to the environment called `name`: opens it first, so that a failure leaves this
  /// dashboard as it was (with the reason in the key bar), then stops this one's polls, closes
  /// its session and starts over on the new one: no drill level, no screens, the new
  /// environment's settings and name in the header.
  public func switchEnvironment(to name: String) async {
    guard let openEnvironment else {
      send(.environmentFailed(name: name, reason: "this dashboard has no config file"))
      return
    }
    // The "opening" hint is on screen while the new session connects.
    terminal.present(DashboardScreen.render(state, target: target, theme: theme, size: terminal.size))
    let source: DashboardSource
    do {
      source = try await openEnvironment(name)
    } catch {
      send(.environmentFailed(name: name, reason: TerminalText.sanitize("\(error)")))
      return
    }
    await stop()
    _ = inbox.drain()
    await reader.close()
    reader = source.reader
    target = source.target
    theme = source.theme
    runtime = Runtime(reader: source.reader, clock: clock, interval: source.settings.initialInterval, push: source.push)
    state = AppState(settings: source.settings, now: clock.now)
    needsFrame = true
    start()
  }

  /// Starts the runtime and polling at the terminal's size.
  public func start() {
    let runtime = self.runtime
    let inbox = self.inbox
    // A pushed change should reach the screen in milliseconds, not at the next input timeout.
    let wake = terminal.makeWaker()
    canBeWoken = wake != nil
    forwarder = Task.detached {
      for await message in runtime.messages {
        inbox.append(message)
        wake?()
      }
    }
    send(.layout(ScreenLayout.paneLayout(for: terminal.size)))
    lastTick = clock.now
    send(.start(at: lastTick))
  }

  /// Input events applied in one turn at most, before a frame is drawn.
  ///
  /// A paste arrives as thousands of keys at once; drawing after each one took 5–7 ms, so a
  /// 2,000-character paste held the screen (and `q` behind it) for over 10 s. Applying what
  /// is already waiting, up to this many, costs one frame instead.
  static let eventsPerTurn = 512

  /// One turn: wait for input, apply it and whatever else is waiting, apply poll results, tick
  /// the clock, draw if needed.
  public func step(timeoutMilliseconds: Int) {
    var timeout = timeoutMilliseconds
    for _ in 0..<Self.eventsPerTurn {
      guard !state.isQuitting, let event = terminal.nextEvent(timeoutMilliseconds: timeout) else { break }
      handle(event)
      timeout = 0
    }
    for message in inbox.drain() {
      send(message)
    }
    // Ages in the header and live durations move once a second; nothing else needs a tick. A
    // frame drawn for another reason brings the clock along, so the next tick is a second
    // after it instead of a second frame in the same second.
    let now = clock.now
    if now > lastTick, needsFrame || now.timeIntervalSince(lastTick) >= tickPeriod {
      lastTick = now
      send(.tick(now))
    }
    if needsFrame {
      needsFrame = false
      terminal.present(DashboardScreen.render(state, target: target, theme: theme, size: terminal.size))
    }
  }

  /// How long the next wait for input may last.
  ///
  /// Results are taken only between waits, and a search or a long jump reads windows one
  /// after another: with the full wait each read would cost up to 100 ms (a scan through
  /// 25 pieces 2.5 s) on top of the read itself.
  public var inputWaitMilliseconds: Int {
    // A frame is owed (the first one, or the first after an environment switch): it is drawn
    // before any wait, not after the next tick.
    if needsFrame { return 0 }
    if state.viewer?.isLoading == true { return Self.loadingTimeoutMilliseconds }
    guard canBeWoken else { return Self.inputTimeoutMilliseconds }
    let untilTick = lastTick.addingTimeInterval(tickPeriod).timeIntervalSince(clock.now)
    return min(Self.wakeableTimeoutMilliseconds, max(1, Int((untilTick * 1_000).rounded(.up))))
  }

  /// Seconds from one frame to the next tick.
  ///
  /// Polled every second, each poll's answer draws that second's frame; the tick then waits a
  /// little longer than the polls, so that it does not land just before their answer and the
  /// second is drawn twice. A tick still comes if the answer is late.
  private var tickPeriod: TimeInterval {
    let polledEverySecond = !state.isPaused && state.pollInterval <= .seconds(1)
    return polledEverySecond ? 1.1 : 1
  }

  /// Stops polling and waits for the runtime to finish.
  public func stop() async {
    runtime.execute([.quit])
    await runtime.shutdown()
    await forwarder?.value
  }

  private func handle(_ event: TerminalEvent) {
    switch event {
    case .key(let key):
      if let action = KeyBindings.action(for: key, in: state.inputMode) {
        send(.action(action))
      }
    case .mouse(let mouse):
      for action in MouseRouting.actions(for: mouse, state: state, size: terminal.size) {
        send(.action(action))
      }
    case .resize(let size):
      send(.layout(ScreenLayout.paneLayout(for: size)))
      // The terminal was redrawn at its new size, whether or not the state changed.
      needsFrame = true
    }
  }

  private func send(_ message: Message) {
    let before = state
    let effects = update(&state, message)
    for case .alert(let alert) in effects {
      terminal.notify(AlertText.message(for: alert))
    }
    runtime.execute(effects)
    if state != before { needsFrame = true }
  }
}
