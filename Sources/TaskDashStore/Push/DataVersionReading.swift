/// A reader that can tell cheaply whether the database changed since it last asked.
///
/// SQLite's `PRAGMA data_version` changes on a connection whenever another connection
/// committed; PostgreSQL's write-ahead log position moves with every commit that wrote
/// anything. A poll can ask first and read nothing when it did not move.
public protocol DataVersionReading: Sendable {
  /// A number that changes when another connection commits a change (it may also change when
  /// nothing the dashboard shows did); nil when this reader cannot tell (then every poll reads).
  func dataVersion() async throws -> Int64?
}
