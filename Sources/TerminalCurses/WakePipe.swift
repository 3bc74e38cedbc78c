import Foundation

/// A pipe whose write end any thread may signal, to end a `poll` on its read end.
///
/// The waker closure a loop hands to another thread keeps the pipe alive, so a signal sent
/// after the terminal was given back still writes to this pipe, never to a reused descriptor.
final class WakePipe: Sendable {
  private let readEnd: Int32
  private let writeEnd: Int32

  /// Opens the pipe, both ends non-blocking; nil when the system refuses one.
  init?() {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    (readEnd, writeEnd) = (ends[0], ends[1])
  }

  deinit {
    close(readEnd)
    close(writeEnd)
  }

  /// Ends the current or next `wait`. A full pipe already holds a signal, so the write may fail.
  func signal() {
    var byte: UInt8 = 1
    _ = write(writeEnd, &byte, 1)
  }

  /// Waits until `descriptor` is readable, a signal came, a signal handler ran, or the timeout
  /// passed; then empties the pipe, so the next wait blocks again.
  func wait(on descriptor: Int32, timeoutMilliseconds: Int32) {
    var descriptors = [
      pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
      pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0),
    ]
    _ = poll(&descriptors, 2, timeoutMilliseconds)
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(readEnd, &buffer, buffer.count) > 0 {}
  }
}
