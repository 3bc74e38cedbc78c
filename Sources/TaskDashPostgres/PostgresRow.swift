import Foundation
import TaskDashStore

/// One result row in text format, with typed accessors that fail with a `StoreError`.
struct PostgresRow: Sendable {
  /// The column values in select-list order; nil is SQL NULL.
  let values: [String?]

  init(_ values: [String?]) {
    self.values = values
  }

  // MARK: - Text

  func optionalString(_ column: Int) -> String? {
    values[column]
  }

  func string(_ column: Int) throws -> String {
    try required(column, "text")
  }

  // MARK: - Identifiers and numbers

  func optionalUUID(_ column: Int) throws -> UUID? {
    try values[column].map { try decode($0, column, "uuid", UUID.init(uuidString:)) }
  }

  func uuid(_ column: Int) throws -> UUID {
    try decode(required(column, "uuid"), column, "uuid", UUID.init(uuidString:))
  }

  func optionalInt(_ column: Int) throws -> Int? {
    try values[column].map { try decode($0, column, "integer") { Int($0) } }
  }

  func int(_ column: Int) throws -> Int {
    try decode(required(column, "integer"), column, "integer") { Int($0) }
  }

  func optionalInt64(_ column: Int) throws -> Int64? {
    try values[column].map { try decode($0, column, "bigint") { Int64($0) } }
  }

  func optionalDouble(_ column: Int) throws -> Double? {
    try values[column].map { try decode($0, column, "double", PostgresText.parseDouble) }
  }

  func double(_ column: Int) throws -> Double {
    try decode(required(column, "double"), column, "double", PostgresText.parseDouble)
  }

  func bool(_ column: Int) throws -> Bool {
    try decode(required(column, "boolean"), column, "boolean") { ["t": true, "f": false][$0] }
  }

  // MARK: - Times and bytes

  func optionalDate(_ column: Int) throws -> Date? {
    try values[column].map { try decode($0, column, "timestamptz", PostgresText.parseTimestamp) }
  }

  func date(_ column: Int) throws -> Date {
    try decode(required(column, "timestamptz"), column, "timestamptz", PostgresText.parseTimestamp)
  }

  // MARK: - Helpers

  private func required(_ column: Int, _ type: String) throws -> String {
    guard let value = values[column] else {
      throw StoreError.query(sqlState: nil, message: "result column \(column + 1) is NULL where a \(type) was expected")
    }
    return value
  }

  /// The value itself is not echoed in the error: it may be long or hold anything.
  private func decode<T>(_ text: String, _ column: Int, _ type: String, _ parse: (String) -> T?) throws -> T {
    guard let value = parse(text) else {
      throw StoreError.query(sqlState: nil, message: "result column \(column + 1) does not hold a \(type)")
    }
    return value
  }
}
