/// Carries a reader's push signals to the dashboard.
///
/// One channel outlives the backends a `ReconnectingReader` opens one after another, so the
/// dashboard subscribes once and hears every backend that listens. Sending never blocks: a
/// signal is buffered until the dashboard takes it.
public final class PushChannel: Sendable {
  /// The signals, in the order they were sent; finishes after `finish()`.
  public let signals: AsyncStream<PushSignal>
  private let continuation: AsyncStream<PushSignal>.Continuation

  /// Creates an open channel.
  public init() {
    (signals, continuation) = AsyncStream.makeStream(of: PushSignal.self)
  }

  /// Sends `signal` to the dashboard.
  public func send(_ signal: PushSignal) {
    continuation.yield(signal)
  }

  /// Ends the stream; later signals are dropped.
  public func finish() {
    continuation.finish()
  }
}
