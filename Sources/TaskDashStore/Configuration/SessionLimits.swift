/// How long a PostgreSQL target may take to connect and to answer a read, when the operator's
/// configuration says otherwise than taskdash's defaults.
public struct SessionLimits: Hashable, Sendable {
  /// Seconds libpq waits for each host to accept a connection (its `connect_timeout`); nil keeps
  /// taskdash's 5 s. A connection string that sets its own still wins.
  public var connectTimeoutSeconds: Int?
  /// The `statement_timeout` of the reading sessions (the dashboard, `snapshot`, `wait`); nil
  /// keeps 5 s. Writers, migrations and maintenance are not limited: a seed or a migration of a
  /// large table may rightly run for minutes.
  public var statementTimeout: Duration?

  /// Creates limits; nil leaves a default in place.
  public init(connectTimeoutSeconds: Int? = nil, statementTimeout: Duration? = nil) {
    self.connectTimeoutSeconds = connectTimeoutSeconds
    self.statementTimeout = statementTimeout
  }
}
