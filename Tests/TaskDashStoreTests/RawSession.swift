/// Plain SQL on one database session, for what the store protocols deliberately cannot do:
/// write hostile rows, count rows the hard way, read the catalog, try to write as the reader.
struct RawSession: Sendable {
  /// Runs SQL that may hold several statements.
  let execute: @Sendable (String) async throws -> Void
  /// The first column of every row of a query, as text (nil for NULL).
  let values: @Sendable (String) async throws -> [String?]

  /// The single value of a one-row, one-column query, as an integer.
  func integer(_ sql: String) async throws -> Int? {
    try await values(sql).first.flatMap { $0 }.flatMap { Int($0) }
  }
}
