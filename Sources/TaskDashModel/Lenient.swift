/// A value read from an enumerated database column that keeps strings this build does not know.
///
/// Other programs write the tables, so a status may arrive that is newer than the binary. Readers
/// show it as it is instead of failing the whole page.
public enum Lenient<Known>: Hashable, Sendable
where Known: RawRepresentable & Hashable & Sendable, Known.RawValue == String {
  /// A value this build knows.
  case known(Known)
  /// A value this build does not know, kept verbatim (it is sanitized before display).
  case unknown(String)

  /// Wraps a raw database string, recognising the known values.
  public init(rawValue: String) {
    if let known = Known(rawValue: rawValue) {
      self = .known(known)
    } else {
      self = .unknown(rawValue)
    }
  }

  /// The string as stored in the database.
  public var rawValue: String {
    switch self {
    case .known(let known): known.rawValue
    case .unknown(let raw): raw
    }
  }

  /// The known value, or nil for a value this build does not know.
  public var known: Known? {
    if case .known(let known) = self { known } else { nil }
  }
}
