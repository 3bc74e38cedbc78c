/// A failure of a store, worded for the one line an operator reads.
///
/// Messages never hold a password: connection errors are built from the server's words and the
/// masked target only.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The connection string cannot be used (it is not echoed back: it may hold a password).
  case invalidTarget(String)
  /// The server refused the login or does not know the database: retrying will not help.
  /// `remedy` is what the backend advises fixing, when its failure says.
  case authentication(String, remedy: Remedy? = nil)
  /// The server cannot be reached, or the connection broke; a retry may help.
  case connection(String)
  /// A statement failed; `sqlState` is the five-character code when the backend has one.
  case query(sqlState: String?, message: String)
  /// The schema is not the one this binary was built for.
  case schema(String)
  /// The store was used after `close()`.
  case closed
  /// A query did not answer before its client-side deadline.
  case timedOut(String)
  /// A write was asked of a read-only standby; `address` is the `host:port` libpq reached.
  case readOnlyStandby(address: String)

  public var description: String {
    switch self {
    case .invalidTarget(let message): "invalid database target: \(message)"
    case .authentication(let message, _): "cannot log in: \(message)"
    case .connection(let message): "cannot connect: \(message)"
    case .query(let state?, let message): "query failed [\(state)]: \(message)"
    case .query(nil, let message): "query failed: \(message)"
    case .schema(let message): message
    case .closed: "the database connection is closed"
    case .timedOut(let message): "timed out: \(message)"
    case .readOnlyStandby(let address): "\(address) is a read-only standby; writes go to the primary"
    }
  }

  /// Whether trying again later may succeed (a lost connection) or not (a bad password).
  public var isRetryable: Bool {
    switch self {
    case .connection, .timedOut, .closed: true
    case .query(let state, _): state.map { $0.hasPrefix("08") || $0.hasPrefix("57P") } ?? false
    case .invalidTarget, .authentication, .schema, .readOnlyStandby: false
    }
  }

  /// What the operator can do about it, when the error says: a refused login names what to
  /// check, in the backend's words when it could tell. Other errors either say it already (a
  /// bad target, a schema to migrate) or pass.
  public var remedy: Remedy? {
    if case .authentication(_, let remedy) = self {
      return remedy ?? Remedy(action: "check the database target and the login")
    }
    return nil
  }
}
