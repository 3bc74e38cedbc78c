/// The server a PostgreSQL session is connected to, as libpq reports it, and its role.
///
/// With a multi-host target (`host=a,b`) this names the host libpq chose, which changes when a
/// reconnect lands elsewhere. SQLite has no server, so its health carries none.
public struct DatabaseServer: Hashable, Sendable {
  /// The host name or address, or for a unix socket the socket directory (an absolute path).
  public var host: String
  /// The port (for a unix socket, the number in the socket file's name).
  public var port: String
  /// Primary or standby, with the standby's replay lag.
  public var role: ServerRole

  /// Creates a server value.
  public init(host: String, port: String, role: ServerRole) {
    self.host = host
    self.port = port
    self.role = role
  }

  /// `host:port`, as an operator would type it; a socket directory keeps its whole path.
  public var address: String {
    host + ":" + port
  }

  /// Whether the server is a standby.
  public var isStandby: Bool {
    if case .standby = role { return true }
    return false
  }
}
