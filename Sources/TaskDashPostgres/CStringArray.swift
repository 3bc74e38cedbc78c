import Foundation

/// C copies of Swift strings for the length of a libpq call (parameter values, keywords).
///
/// Keep the array alive across the call with `withExtendedLifetime`.
final class CStringArray {
  let pointers: [UnsafePointer<CChar>?]

  /// Copies the strings; nil stays a null pointer (SQL NULL). `nullTerminated` appends the
  /// null pointer that keyword arrays end with.
  init(_ strings: [String?], nullTerminated: Bool = false) {
    var pointers = strings.map { string in string.map { UnsafePointer(strdup($0)!) } }
    if nullTerminated {
      pointers.append(nil)
    }
    self.pointers = pointers
  }

  deinit {
    for pointer in pointers {
      free(UnsafeMutablePointer(mutating: pointer))
    }
  }
}
