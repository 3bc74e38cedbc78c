/// Every style the dashboard draws with, in one place.
///
/// `standard` uses the eight basic colours; `monochrome` (chosen when `NO_COLOR` is set) uses
/// only bold, reverse, underline and dim. Statuses always carry a symbol as well as a style,
/// so they stay legible without colour.
public struct Theme: Hashable, Sendable {
  /// Body text.
  public var text: Style
  /// Secondary text: timestamps, placeholders, hints.
  public var dim: Style
  /// Column headers of tables.
  public var header: Style
  /// The border of a pane without focus.
  public var border: Style
  /// The border of the focused pane.
  public var focusedBorder: Style
  /// A pane title without focus.
  public var title: Style
  /// The title of the focused pane.
  public var focusedTitle: Style
  /// The selected row of the focused pane.
  public var selection: Style
  /// The selected row of a pane without focus.
  public var unfocusedSelection: Style
  /// The key bar at the bottom.
  public var keyBar: Style
  /// A key name inside the key bar.
  public var keyBarKey: Style
  /// The marker on data that may be out of date (the database stopped answering).
  public var stale: Style
  /// A banner carrying an error.
  public var errorBanner: Style
  /// Marks standing in for control, bidirectional and invisible characters.
  public var mark: Style
  /// A search match in the viewer.
  public var searchMatch: Style
  /// Sparkline bars.
  public var sparkline: Style
  /// Styles by status raw value (`running`, `failed`, ...).
  public var statusStyles: [String: Style]
  /// One-cell symbols by status raw value.
  public var statusSymbols: [String: String]

  /// Creates a theme from every style.
  public init(
    text: Style, dim: Style, header: Style, border: Style, focusedBorder: Style, title: Style,
    focusedTitle: Style, selection: Style, unfocusedSelection: Style, keyBar: Style, keyBarKey: Style,
    stale: Style, errorBanner: Style, mark: Style, searchMatch: Style, sparkline: Style,
    statusStyles: [String: Style], statusSymbols: [String: String]
  ) {
    self.text = text
    self.dim = dim
    self.header = header
    self.border = border
    self.focusedBorder = focusedBorder
    self.title = title
    self.focusedTitle = focusedTitle
    self.selection = selection
    self.unfocusedSelection = unfocusedSelection
    self.keyBar = keyBar
    self.keyBarKey = keyBarKey
    self.stale = stale
    self.errorBanner = errorBanner
    self.mark = mark
    self.searchMatch = searchMatch
    self.sparkline = sparkline
    self.statusStyles = statusStyles
    self.statusSymbols = statusSymbols
  }

  // MARK: - Statuses

  /// The style for a task or run status; plain text for one this theme does not know.
  public func style(forStatus status: String) -> Style {
    statusStyles[status] ?? text
  }

  /// The one-cell symbol for a status; `?` for one this theme does not know.
  public func symbol(forStatus status: String) -> String {
    statusSymbols[status] ?? "?"
  }

  /// The status as shown in a table: its symbol, a space, its name.
  public func label(forStatus status: String) -> String {
    symbol(forStatus: status) + " " + status
  }

  /// Symbols shared by both themes: none of them is an emoji or wide anywhere.
  public static let standardSymbols: [String: String] = [
    "pending": "○", "running": "●", "completed": "✓", "failed": "✗", "cancelled": "⊘", "timeout": "⧗",
    "paused": "‖",
  ]

  // MARK: - Themes

  /// The colour theme.
  public static let standard = Theme(
    text: .plain,
    dim: Style(dim: true),
    header: Style(foreground: .cyan, bold: true),
    border: Style(foreground: .blue),
    focusedBorder: Style(foreground: .cyan, bold: true),
    title: Style(foreground: .blue),
    focusedTitle: Style(foreground: .cyan, bold: true),
    selection: Style(foreground: .black, background: .cyan),
    unfocusedSelection: Style(reverse: true),
    keyBar: Style(foreground: .white, background: .blue),
    keyBarKey: Style(foreground: .yellow, background: .blue, bold: true),
    stale: Style(foreground: .yellow, bold: true),
    errorBanner: Style(foreground: .white, background: .red, bold: true),
    mark: Style(foreground: .magenta),
    searchMatch: Style(foreground: .black, background: .yellow),
    sparkline: Style(foreground: .green),
    statusStyles: [
      "pending": Style(foreground: .yellow),
      "running": Style(foreground: .cyan, bold: true),
      "completed": Style(foreground: .green),
      "failed": Style(foreground: .red, bold: true),
      "cancelled": Style(foreground: .magenta),
      "timeout": Style(foreground: .red),
      "paused": Style(foreground: .blue),
    ],
    statusSymbols: standardSymbols
  )

  /// The theme without colour: bold, reverse, underline and dim only.
  public static let monochrome = Theme(
    text: .plain,
    dim: Style(dim: true),
    header: Style(bold: true, underline: true),
    border: .plain,
    focusedBorder: Style(bold: true),
    title: .plain,
    focusedTitle: Style(bold: true),
    selection: Style(reverse: true),
    unfocusedSelection: Style(underline: true),
    keyBar: Style(reverse: true),
    keyBarKey: Style(bold: true, reverse: true),
    stale: Style(bold: true),
    errorBanner: Style(bold: true, reverse: true),
    mark: Style(underline: true),
    searchMatch: Style(reverse: true),
    sparkline: .plain,
    statusStyles: [
      "pending": Style(dim: true),
      "running": Style(bold: true),
      "completed": .plain,
      "failed": Style(bold: true, underline: true),
      "cancelled": Style(dim: true),
      "timeout": Style(bold: true, underline: true),
      "paused": Style(dim: true),
    ],
    statusSymbols: standardSymbols
  )

  /// `monochrome` when `NO_COLOR` is set to anything but the empty string, else `standard`.
  public static func forEnvironment(_ environment: [String: String]) -> Theme {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
    return .standard
  }

  /// Whether any style of the theme uses a colour.
  public var usesColor: Bool {
    let styles =
      [
        text, dim, header, border, focusedBorder, title, focusedTitle, selection, unfocusedSelection, keyBar,
        keyBarKey, stale, errorBanner, mark, searchMatch, sparkline,
      ] + Array(statusStyles.values)
    return styles.contains { $0.foreground != .default || $0.background != .default }
  }
}
