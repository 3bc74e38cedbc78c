import Foundation

/// The tasks read's silence column read back (see `SQLiteSilenceSQL.silence(of:)`): the silent
/// count, a space, and the next moment one turns silent in Unix milliseconds or nothing.
struct SQLiteTaskSilence: Hashable, Sendable {
  /// Running runs silent by the database's clock.
  var silentNow = 0
  /// When the first of the others turns silent, if one will.
  var nextSilenceAt: Date?

  /// The column's text; NULL or anything malformed reads as nothing silent, nothing due.
  init(_ text: String?) {
    guard let text else { return }
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    silentNow = parts.first.flatMap { Int($0) } ?? 0
    if parts.count > 1, let milliseconds = Int64(parts[1]) {
      nextSilenceAt = Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }
  }
}
