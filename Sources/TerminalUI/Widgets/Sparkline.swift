/// A row of bars showing recent values, newest at the right.
///
/// Bars are scaled between the smallest and largest value in view: the smallest is one
/// eighth of a cell, the largest a full column. A constant series is drawn flat at half
/// height; values that are not finite leave a gap.
public struct Sparkline: Widget {
  /// The eight block elements, lowest first.
  public static let bars: [String] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The series, oldest first.
  public var values: [Double]
  /// The style of the bars.
  public var style: Style

  /// Creates a sparkline.
  public init(values: [Double], style: Style = .plain) {
    self.values = values
    self.style = style
  }

  /// Draws the newest values that fit, one per column, right-aligned in `area`; a taller
  /// area gives finer bars, eight levels per row. `style` replaces the bars' own.
  public func draw(in buffer: inout Buffer, area: Rect, style: Style? = nil) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let shown = values.suffix(area.width)
    let finite = shown.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return }
    let levels = area.height * 8
    let startX = area.maxX - shown.count
    for (column, value) in shown.enumerated() where value.isFinite {
      let level: Int
      if high == low {
        level = max(1, levels / 2)
      } else {
        // Two huge values of opposite sign are more than the largest double apart: halved,
        // their difference stays finite.
        let span = high - low
        let fraction = span.isFinite ? (value - low) / span : (value / 2 - low / 2) / (high / 2 - low / 2)
        level = 1 + Int((fraction * Double(levels - 1)).rounded())
      }
      drawBar(level: level, x: startX + column, style: style ?? self.style, in: &buffer, area: area)
    }
  }

  /// Eighths of a cell filled from the bottom row up.
  private func drawBar(level: Int, x: Int, style: Style, in buffer: inout Buffer, area: Rect) {
    var remaining = level
    var y = area.maxY - 1
    while remaining > 0 && y >= area.y {
      let eighths = min(remaining, 8)
      buffer.place(Sparkline.bars[eighths - 1], width: 1, x: x, y: y, style: style)
      remaining -= eighths
      y -= 1
    }
  }
}
