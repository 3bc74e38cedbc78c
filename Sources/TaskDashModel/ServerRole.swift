/// Whether a PostgreSQL server takes writes, and how far a standby's replay trails its primary.
public enum ServerRole: Hashable, Sendable {
  /// The server accepts writes (it is not in recovery).
  case primary
  /// A hot standby: read-only, replaying the primary's WAL. `replayLag` is how old the last
  /// replayed transaction is, zero when the standby has replayed all it received, and nil
  /// before it has replayed any transaction.
  case standby(replayLag: Duration?)
}
