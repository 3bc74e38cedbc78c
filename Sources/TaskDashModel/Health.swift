/// What a cheap probe of the database says: it answers, how fast, and which schema it holds.
public struct Health: Hashable, Sendable {
  /// Round trip of the probe query.
  public var roundTrip: Duration
  /// The server's version string (for SQLite, the library version).
  public var serverVersion: String
  /// The highest applied migration version, or nil when no migration is applied.
  public var schemaVersion: Int?

  /// Creates a health value.
  public init(roundTrip: Duration, serverVersion: String, schemaVersion: Int?) {
    self.roundTrip = roundTrip
    self.serverVersion = serverVersion
    self.schemaVersion = schemaVersion
  }
}
