import Foundation

/// A value bound to a statement parameter, in SQLite's storage classes.
///
/// Dates and uuids become text in the schema's forms: sortable UTC milliseconds, lowercase
/// canonical uuids.
enum SQLiteValue: Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  /// Text, or NULL for nil.
  static func text(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }

  /// An integer, or NULL for nil.
  static func integer(_ value: Int?) -> SQLiteValue { value.map { .integer(Int64($0)) } ?? .null }

  /// An integer, or NULL for nil.
  static func integer(_ value: Int64?) -> SQLiteValue { value.map { .integer($0) } ?? .null }

  /// A double, or NULL for nil.
  static func real(_ value: Double?) -> SQLiteValue { value.map { .real($0) } ?? .null }

  /// The timestamp text of a date, or NULL for nil.
  static func date(_ value: Date?) -> SQLiteValue { value.map { .text(SQLiteTimestamp.format($0)) } ?? .null }

  /// The lowercase text of a uuid, or NULL for nil.
  static func uuid(_ value: UUID?) -> SQLiteValue { value.map { .text($0.uuidString.lowercased()) } ?? .null }
}
