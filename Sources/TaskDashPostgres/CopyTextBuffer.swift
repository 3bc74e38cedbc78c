import Foundation

/// Builds rows of COPY's text format: tab-separated fields, `\N` for NULL, one row per line.
///
/// Backslash, tab, newline and carriage return in values are escaped; everything else goes
/// through as UTF-8. The buffer is sent and emptied in chunks by the connection.
struct CopyTextBuffer {
  private(set) var bytes: [UInt8] = []
  private var fieldsInRow = 0

  init(reservingCapacity capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  var count: Int { bytes.count }

  /// Empties the buffer, keeping its storage.
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
  }

  /// Appends a text field, or `\N` for nil. A NUL character cannot be stored in PostgreSQL text.
  mutating func field(_ value: String?) throws {
    separate()
    guard let value else {
      bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
      return
    }
    for byte in value.utf8 {
      switch byte {
      case 0:
        throw PostgresErrorClassifier.nulCharacter
      case UInt8(ascii: "\\"):
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case UInt8(ascii: "\t"):
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case UInt8(ascii: "\n"):
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case UInt8(ascii: "\r"):
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      default:
        bytes.append(byte)
      }
    }
  }

  /// Appends a uuid field, or `\N` for nil.
  mutating func field(_ value: UUID?) {
    separate()
    guard let value else {
      bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
      return
    }
    bytes.append(contentsOf: value.uuidString.utf8)
  }

  /// Appends a timestamptz field, or `\N` for nil.
  mutating func field(_ value: Date?) {
    separate()
    guard let value else {
      bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
      return
    }
    PostgresText.appendTimestamp(value, to: &bytes)
  }

  /// Appends a double precision field, or `\N` for nil.
  mutating func field(_ value: Double?) {
    separate()
    guard let value else {
      bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
      return
    }
    bytes.append(contentsOf: PostgresText.double(value).utf8)
  }

  /// Appends an integer field, or `\N` for nil.
  mutating func field(_ value: Int?) {
    separate()
    guard let value else {
      bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
      return
    }
    bytes.append(contentsOf: String(value).utf8)
  }

  /// Ends the current row.
  mutating func endRow() {
    bytes.append(UInt8(ascii: "\n"))
    fieldsInRow = 0
  }

  private mutating func separate() {
    if fieldsInRow > 0 {
      bytes.append(UInt8(ascii: "\t"))
    }
    fieldsInRow += 1
  }
}
