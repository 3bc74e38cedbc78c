import Foundation

/// How a database writes its UUIDs as text: taskdash's canonical dashed form, or the 32 hex
/// digits SQLAlchemy's `Uuid` keeps in a CHAR(32) on SQLite.
///
/// An external schema's ids are compared as they are stored, so that its own indexes (the
/// agent's on task_id and task_run_id) serve the reads: the reader writes its parameters in the
/// database's form rather than converting every row's id to its own.
enum SQLiteUUIDForm: Sendable {
  case dashed
  case hex

  /// The text of `value` in this form, or NULL for nil.
  func value(_ value: UUID?) -> SQLiteValue {
    guard let value else { return .null }
    let text = value.uuidString.lowercased()
    return .text(self == .dashed ? text : text.replacingOccurrences(of: "-", with: ""))
  }

  /// A UUID from either form of text.
  static func parse(_ text: String) -> UUID? {
    guard text.utf8.count == 32 else { return UUID(uuidString: text) }
    let digits = Array(text)
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }
    return UUID(uuidString: groups.joined(separator: "-"))
  }
}
