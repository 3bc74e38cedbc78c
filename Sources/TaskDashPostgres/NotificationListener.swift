import CLibPQ
import TaskDashStore

/// Takes the notifications of one LISTENing session and passes them on as push signals.
///
/// It runs on the connection's thread between the actor's jobs (an `IdleWatch`): notifications
/// that arrived during a statement are queued by libpq and taken when the thread goes idle,
/// and between statements the thread waits on the socket, so a notification is seen within
/// microseconds of its commit. The session is lost when libpq can no longer read its socket;
/// then `lost` is sent once and the listener waits for jobs only.
final class NotificationListener: IdleWatch, @unchecked Sendable {
  /// The channel the triggers of migration 0007 notify.
  static let channel = "taskdash"

  // Safety: `handle` is used only on the connection's thread (see `IdleWatch`), and `isLost`
  // only there or in `detach`, which runs on that thread too.
  private let handle: ConnectionHandle
  private let push: PushChannel
  private var isLost = false

  init(handle: ConnectionHandle, push: PushChannel) {
    self.handle = handle
    self.push = push
  }

  func idleSocket() -> Int32? {
    guard !isLost else { return nil }
    deliverQueued()
    let socket = PQsocket(handle.pointer)
    guard socket >= 0, PQstatus(handle.pointer) == CONNECTION_OK else {
      markLost()
      return nil
    }
    return socket
  }

  func socketReadable() {
    guard !isLost else { return }
    guard PQconsumeInput(handle.pointer) == 1, PQstatus(handle.pointer) == CONNECTION_OK else {
      deliverQueued()
      markLost()
      return
    }
    deliverQueued()
  }

  /// The connection is closed or dropped: no more signals from this session but `lost`.
  func detach() {
    markLost()
  }

  /// Sends one `changed` with the tables of every notification libpq has queued.
  private func deliverQueued() {
    var tables: Set<ChangedTable> = []
    while let notification = PQnotifies(handle.pointer) {
      if String(cString: notification.pointee.relname) == Self.channel,
        let table = ChangedTable(rawValue: String(cString: notification.pointee.extra))
      {
        tables.insert(table)
      }
      PQfreemem(notification)
    }
    if !tables.isEmpty { push.send(.changed(tables)) }
  }

  private func markLost() {
    guard !isLost else { return }
    isLost = true
    push.send(.lost)
  }
}
