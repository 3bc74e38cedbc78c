import CNCurses

/// The process locale ncurses needs for wide characters.
enum LocaleSetup {
  /// Adopts the user's locale; true when its characters are UTF-8.
  ///
  /// The locale is the only word on what the terminal decodes. When it is not UTF-8 the screen
  /// gets ASCII only (see `AsciiFallback`), as htop and tmux do, rather than bytes the terminal
  /// may read as C1 controls.
  static func prepare() -> Bool {
    setlocale(LC_ALL, "")
    // Numbers stay in the C form so no C-level formatting or parsing changes with the user.
    setlocale(LC_NUMERIC, "C")
    return isUTF8()
  }

  private static func isUTF8() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }
}
