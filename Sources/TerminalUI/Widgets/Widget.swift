/// Something that draws itself into an area, so that a table cell can hold more than text
/// (the metrics pane's sparklines).
public protocol Widget: Hashable, Sendable {
  /// Draws into `area`; `style`, when given, replaces the widget's own (a selected row's
  /// style, so that the highlight runs across the whole row).
  func draw(in buffer: inout Buffer, area: Rect, style: Style?)
}

/// Any widget, as a value a table row can hold and compare.
public struct AnyWidget: Hashable, Sendable {
  private let base: any Widget

  /// Wraps `base`.
  public init(_ base: some Widget) {
    self.base = base
  }

  /// Draws the wrapped widget.
  public func draw(in buffer: inout Buffer, area: Rect, style: Style?) {
    base.draw(in: &buffer, area: area, style: style)
  }

  public static func == (lhs: AnyWidget, rhs: AnyWidget) -> Bool {
    AnyHashable(lhs.base) == AnyHashable(rhs.base)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(AnyHashable(base))
  }
}
