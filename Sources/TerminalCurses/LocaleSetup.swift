import CNCurses

/// The process locale ncurses needs for wide characters.
enum LocaleSetup {
  /// Adopts the user's locale, falling back to C.UTF-8 for characters when it is not UTF-8
  /// (in the C locale every wide glyph comes out blank); true when characters are UTF-8.
  @discardableResult
  static func prepare() -> Bool {
    setlocale(LC_ALL, "")
    // Numbers stay in the C form so no C-level formatting or parsing changes with the user.
    setlocale(LC_NUMERIC, "C")
    if isUTF8() { return true }
    setlocale(LC_CTYPE, "C.UTF-8")
    return isUTF8()
  }

  private static func isUTF8() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }
}
