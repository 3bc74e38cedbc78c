/// What a cheap probe of the database says: it answers, how fast, which schema it holds, and
/// (on PostgreSQL) which server answered and whether it is a standby.
public struct Health: Hashable, Sendable {
  /// Round trip of the probe query.
  public var roundTrip: Duration
  /// The server's version string (for SQLite, the library version).
  public var serverVersion: String
  /// The highest applied migration version, or nil when no migration is applied.
  public var schemaVersion: Int?
  /// The server the session is connected to; nil for SQLite.
  public var server: DatabaseServer?
  /// Whose schema the database holds.
  public var origin: SchemaOrigin

  /// Creates a health value.
  public init(
    roundTrip: Duration, serverVersion: String, schemaVersion: Int?, server: DatabaseServer? = nil,
    origin: SchemaOrigin = .taskdash
  ) {
    self.roundTrip = roundTrip
    self.serverVersion = serverVersion
    self.schemaVersion = schemaVersion
    self.server = server
    self.origin = origin
  }
}
