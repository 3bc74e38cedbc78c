import Foundation
import TaskDashModel

/// What the header shows about the database: status, round trip, versions and the server.
public struct ConnectionState: Hashable, Sendable {
  /// Connected, reconnecting, or failed until someone fixes it.
  public var status: ConnectionStatus
  /// The round trip of the latest health probe.
  public var roundTrip: Duration?
  /// The server's version string, from the latest health probe.
  public var serverVersion: String?
  /// The schema version, from the latest health probe.
  public var schemaVersion: Int?
  /// When a poll last succeeded.
  public var lastContact: Date?
  /// The PostgreSQL server the latest health probe reached, its role and lag; nil for SQLite.
  /// A reconnect to another host of a multi-host target shows at the next probe.
  public var server: DatabaseServer?
  /// Whose schema the database holds, from the latest health probe.
  public var origin: SchemaOrigin

  /// Creates a state; the dashboard starts `connecting`.
  public init(
    status: ConnectionStatus = .connecting, roundTrip: Duration? = nil, serverVersion: String? = nil,
    schemaVersion: Int? = nil, lastContact: Date? = nil, server: DatabaseServer? = nil,
    origin: SchemaOrigin = .taskdash
  ) {
    self.status = status
    self.roundTrip = roundTrip
    self.serverVersion = serverVersion
    self.schemaVersion = schemaVersion
    self.lastContact = lastContact
    self.server = server
    self.origin = origin
  }
}
