import CLibPQ

/// Owns one `PGconn` and finishes it when the last reference goes.
///
/// Only the connection's own thread uses `pointer`; the class is `Sendable` so that an actor can
/// hold it and release it from any thread.
final class ConnectionHandle: @unchecked Sendable {
  let pointer: OpaquePointer

  init(_ pointer: OpaquePointer) {
    self.pointer = pointer
  }

  deinit {
    PQfinish(pointer)
  }
}
