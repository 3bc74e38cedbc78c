/// The styles the generic widgets draw their own parts in: borders, titles, column headers,
/// selections, placeholder text. What the data means (a status, a stale marker) is the
/// application's to style; it passes those styles in the spans it draws.
public struct WidgetStyles: Hashable, Sendable {
  /// A table's placeholder text (no rows yet, nothing matches).
  public var dim: Style
  /// Column headers of tables.
  public var header: Style
  /// The border of a block without focus.
  public var border: Style
  /// The border of the focused block.
  public var focusedBorder: Style
  /// A block's title without focus.
  public var title: Style
  /// The title of the focused block.
  public var focusedTitle: Style
  /// The selected row of the focused table.
  public var selection: Style
  /// The selected row of a table without focus.
  public var unfocusedSelection: Style

  /// Creates the styles; the defaults use attributes only, no colour.
  public init(
    dim: Style = Style(dim: true), header: Style = Style(bold: true, underline: true), border: Style = .plain,
    focusedBorder: Style = Style(bold: true), title: Style = .plain, focusedTitle: Style = Style(bold: true),
    selection: Style = Style(reverse: true), unfocusedSelection: Style = Style(underline: true)
  ) {
    self.dim = dim
    self.header = header
    self.border = border
    self.focusedBorder = focusedBorder
    self.title = title
    self.focusedTitle = focusedTitle
    self.selection = selection
    self.unfocusedSelection = unfocusedSelection
  }
}
