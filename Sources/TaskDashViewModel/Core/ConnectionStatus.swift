import TaskDashStore

/// Whether the dashboard is talking to its database.
public enum ConnectionStatus: Hashable, Sendable {
  /// Not connected yet (the first polls are on their way).
  case connecting
  /// The latest poll succeeded.
  case connected
  /// The connection is lost; polls retry with backoff. Shows attempt and next retry.
  case reconnecting(LoadFailure)
  /// A failure that retrying will not fix by itself (a refused login, a schema mismatch): the
  /// operator must act. Polls still retry, slowly (shows when), and `r` retries at once.
  case failed(LoadFailure)
}
