import CLibPQ
import Foundation

/// A cancel request for a statement that overran its deadline, sent from a thread of its own.
///
/// libpq's `PQcancel` waits for the server to close the cancel connection; a stopped server never
/// does, so the request must not hold up the connection's thread or the caller.
final class PendingCancel: @unchecked Sendable {
  private let pointer: OpaquePointer

  init(_ pointer: OpaquePointer) {
    self.pointer = pointer
  }

  deinit {
    PQfreeCancel(pointer)
  }

  /// Sends the request; the object stays alive until libpq is done with it.
  func sendInBackground() {
    Thread.detachNewThread { [self] in
      var errorBuffer = [CChar](repeating: 0, count: 256)
      _ = PQcancel(pointer, &errorBuffer, Int32(errorBuffer.count))
    }
  }
}
