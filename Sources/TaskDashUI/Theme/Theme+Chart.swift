import TerminalUI

extension Theme {
  /// A chart's series: the sparklines' look, so a metric looks the same in the pane and full size.
  public var chartLine: Style { sparkline }

  /// The overlaid series (the previous run's): magenta in colour, dim without, so it stays
  /// apart from the main series either way.
  public var chartOverlay: Style {
    usesColor ? Style(foreground: .magenta) : dim
  }

  /// The column under a chart's cursor.
  public var chartCursor: Style { widgets.unfocusedSelection }
}
