import Foundation
import TaskDashStore

/// Carries out effects against a `DashboardReading` and reports back through `messages`.
///
/// It knows nothing of terminals or SQL: the UI's loop feeds each message to `update(_:_:)`,
/// passes the returned effects to `execute(_:)`, and drains `messages` on its own thread.
/// Effects are carried out in the order given. One `Poller` per `PollSlot`.
///
/// ```swift
/// let runtime = Runtime(reader: store)
/// var state = AppState(now: Date())
/// runtime.execute(update(&state, .start(at: Date())))
/// for await message in runtime.messages {
///   runtime.execute(update(&state, message))
///   if state.isQuitting { break }
/// }
/// ```
public final class Runtime: Sendable {
  /// Results of polls and reads, in the order they finished; finishes after `.quit`.
  public let messages: AsyncStream<Message>
  private let input: AsyncStream<[Effect]>.Continuation
  private let worker: Task<Void, Never>
  private let listener: Task<Void, Never>?

  /// Creates a runtime that reads from `reader`.
  ///
  /// - Parameters:
  ///   - clock: time for stamps and poll intervals.
  ///   - interval: the poll interval until a `.setInterval` effect changes it.
  ///   - backoff: the retry policy after failed polls.
  ///   - jitter: a uniform random draw in [0, 1) for the backoff.
  ///   - push: the reader's push signals, if it listens for changes; they arrive as `.push`
  ///     messages, a burst of changes within `PushRelay.window` as one.
  public init(
    reader: any DashboardReading, clock: any PollClock = SystemPollClock(), interval: Duration = .seconds(1),
    backoff: Backoff = Backoff(), jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
    push: AsyncStream<PushSignal>? = nil
  ) {
    let (messages, output) = AsyncStream.makeStream(of: Message.self)
    let (effects, input) = AsyncStream.makeStream(of: [Effect].self)
    let executor = EffectExecutor(
      reader: reader, clock: clock, interval: interval, backoff: backoff, jitter: jitter, output: output)
    self.messages = messages
    self.input = input
    listener = push.map { signals in
      let relay = PushRelay(clock: clock, output: output)
      return Task {
        for await signal in signals { await relay.receive(signal) }
      }
    }
    worker = Task {
      for await batch in effects {
        for effect in batch { await executor.execute(effect) }
      }
      await executor.stopAll()
    }
  }

  deinit {
    input.finish()
  }

  /// Queues `effects`; returns at once.
  public func execute(_ effects: [Effect]) {
    if !effects.isEmpty { input.yield(effects) }
  }

  /// Stops every poller, finishes `messages`, and returns when all queued effects are done.
  public func shutdown() async {
    listener?.cancel()
    input.finish()
    await worker.value
  }
}
