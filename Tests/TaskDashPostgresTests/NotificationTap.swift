import CLibPQ
import Foundation

/// A bare libpq session that LISTENs on a channel and collects what arrives, for the push
/// triggers' tests: it sees exactly what the server sends, with none of the store in between.
final class NotificationTap: @unchecked Sendable {
  // Safety: `connection` is only used by the test that owns the tap, one call at a time.
  private let connection: OpaquePointer

  /// Connects and LISTENs on `channel`.
  init(conninfo: String, channel: String) throws {
    guard let connection = PQconnectdb(conninfo) else {
      throw TestSetupError("libpq could not allocate a connection")
    }
    self.connection = connection
    guard PQstatus(connection) == CONNECTION_OK else {
      throw TestSetupError("cannot connect to the test server: " + String(cString: PQerrorMessage(connection)))
    }
    guard let result = PQexec(connection, "LISTEN \(channel)") else {
      throw TestSetupError(String(cString: PQerrorMessage(connection)))
    }
    defer { PQclear(result) }
    guard PQresultStatus(result) == PGRES_COMMAND_OK else {
      throw TestSetupError(String(cString: PQresultErrorMessage(result)))
    }
  }

  deinit { PQfinish(connection) }

  /// The payloads that arrive before one equal to `marker`, in order; the marker is not
  /// included. Waits on the socket for each; a wait longer than `patience` is a failure (the
  /// marker was never sent), not a measurement.
  func payloads(until marker: String, patience: Int32 = 30_000) throws -> [String] {
    var payloads: [String] = []
    while true {
      while let notification = PQnotifies(connection) {
        let payload = String(cString: notification.pointee.extra)
        PQfreemem(notification)
        if payload == marker { return payloads }
        payloads.append(payload)
      }
      var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, patience) > 0 else {
        throw TestSetupError("no notification \(marker) arrived")
      }
      guard PQconsumeInput(connection) == 1 else {
        throw TestSetupError(String(cString: PQerrorMessage(connection)))
      }
    }
  }
}
