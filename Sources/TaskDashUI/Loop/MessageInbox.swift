import Synchronization
import TaskDashViewModel

/// Messages from the runtime, queued for the main loop to take between key presses.
///
/// The runtime delivers on the cooperative pool while the main thread waits in `getch`; a
/// short lock hands messages over without the main thread ever awaiting.
final class MessageInbox: Sendable {
  private let queue = Mutex<[Message]>([])

  func append(_ message: Message) {
    queue.withLock { $0.append(message) }
  }

  /// Every queued message, oldest first, leaving the inbox empty.
  func drain() -> [Message] {
    queue.withLock { messages in
      defer { messages.removeAll(keepingCapacity: true) }
      return messages
    }
  }
}
