/// A reader that can tell cheaply whether the database changed since it last asked.
///
/// SQLite has no push: its `PRAGMA data_version` changes on a connection whenever another
/// connection committed, so a poll can ask it first and read nothing when it did not change.
public protocol DataVersionReading: Sendable {
  /// A number that changes when another connection commits a change; nil when this reader
  /// cannot tell (then every poll reads).
  func dataVersion() async throws -> Int64?
}
