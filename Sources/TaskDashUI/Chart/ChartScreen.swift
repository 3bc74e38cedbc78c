import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashViewModel
import TerminalUI

/// A metric's chart, full screen below the header: title, y axis with min, middle and max,
/// the plot, the x axis' times, and the readout of the bucket under the cursor.
enum ChartScreen {
  static func draw(_ chart: ChartState, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let regions = ScreenLayout.chart(area)
    let history = chart.history.value
    let overlay = chart.showsOverlay ? chart.overlay.value : nil
    let scale = ChartScale([history, overlay].compactMap { $0 }, log: chart.isLogScale)
    drawTitle(chart, history: history, scale: scale, now: now, theme: theme, in: &buffer, area: regions.title)
    let unit = TerminalText.sanitize(history?.unit ?? "")
    _ = buffer.put(string: unit, x: regions.times.x, y: regions.times.y, style: theme.dim, maxWidth: 8, ellipsis: "…")
    guard let history, let scale else {
      let text: String
      if let failure = chart.history.failure {
        text = "cannot read this metric (r retries): \(failure.error)"
      } else {
        text = history == nil ? "loading…" : "no points in this window"
      }
      _ = buffer.put(
        string: text, x: regions.plot.x + 1, y: regions.plot.y, style: theme.dim, maxWidth: regions.plot.width - 1,
        ellipsis: "…")
      return
    }
    drawAxis(scale, theme: theme, in: &buffer, area: regions.axis)
    let dots = regions.plot.width * 2
    var series = [LineChart.Series(columns: scale.columns(history, width: dots), style: theme.chartLine)]
    if let overlay {
      series.append(LineChart.Series(columns: scale.columns(overlay, width: dots), style: theme.chartOverlay))
    }
    let cursor = chart.cursorBucket.map { min(dots - 1, $0 * dots / max(1, history.bucketCount)) }
    LineChart(series: series, bottom: scale.bottom, top: scale.top, cursor: cursor, cursorStyle: theme.chartCursor)
      .draw(in: &buffer, area: regions.plot)
    drawTimes(history, theme: theme, in: &buffer, area: regions.times.inset(left: ScreenLayout.chartAxisWidth))
    drawReadout(chart, history: history, overlay: overlay, theme: theme, in: &buffer, area: regions.readout)
  }

  /// The metric, whose it is, the unit and the view; a stale marker at the right.
  private static func drawTitle(
    _ chart: ChartState, history: MetricHistory?, scale: ChartScale?, now: Date, theme: Theme,
    in buffer: inout Buffer, area: Rect
  ) {
    let name = TerminalText.sanitize(chart.name)
    let owner = TerminalText.sanitize(chart.owner)
    let unit = history?.unit.map { " · " + TerminalText.sanitize($0) } ?? ""
    var view = [chart.window == nil ? "whole series" : "zoomed"]
    if chart.isLogScale { view.append(scale?.isLog == false ? "log: no value > 0, linear" : "log") }
    if chart.showsOverlay {
      view.append(history?.previousRunID == nil ? "no previous run" : "overlay: previous run")
    }
    var right: [Span] = []
    if chart.history.isStale, let age = chart.history.age(at: now) {
      right.append(Span("STALE " + DisplayFormat.duration(seconds: age.seconds) + " ", style: theme.stale))
    }
    StatusLine(
      left: [
        Span(" Chart: " + name + " ", style: theme.title), Span("of " + owner + unit + " · ", style: theme.dim),
        Span(view.joined(separator: " · "), style: theme.dim),
      ],
      right: right, style: theme.keyBar
    ).draw(in: &buffer, area: area)
  }

  /// Max at the top row, the middle value halfway and min at the bottom row, each at a tick.
  private static func drawAxis(_ scale: ChartScale, theme: Theme, in buffer: inout Buffer, area: Rect) {
    guard area.height > 0 else { return }
    let labelWidth = ScreenLayout.chartAxisWidth - 2
    let labels: [Int: Double] = [0: scale.high, area.height / 2: scale.middle, area.height - 1: scale.low]
    for row in 0..<area.height {
      if let value = labels[row] {
        let text = TerminalText.pad(DisplayFormat.metric(value), toWidth: labelWidth, alignment: .right)
        _ = buffer.put(string: text, x: area.x, y: area.y + row, style: theme.dim, maxWidth: labelWidth)
      }
      _ = buffer.put(string: labels[row] == nil ? "│" : "┤", x: area.maxX - 1, y: area.y + row, style: theme.dim)
    }
  }

  /// The window's start at the left, its middle and its end at the right.
  private static func drawTimes(_ history: MetricHistory, theme: Theme, in buffer: inout Buffer, area: Rect) {
    guard let from = history.from, let to = history.to, area.width > 0 else { return }
    let span = to.timeIntervalSince(from)
    let middle = from.addingTimeInterval(span / 2)
    let start = clock(from, span: span)
    _ = buffer.put(string: start, x: area.x, y: area.y, style: theme.dim, maxWidth: area.width)
    let end = clock(to, span: span)
    let endWidth = TerminalText.displayWidth(end)
    let center = clock(middle, span: span)
    let centerX = area.x + (area.width - TerminalText.displayWidth(center)) / 2
    if centerX > area.x + TerminalText.displayWidth(start) + 1,
      centerX + TerminalText.displayWidth(center) < area.maxX - endWidth - 1
    {
      _ = buffer.put(string: center, x: centerX, y: area.y, style: theme.dim)
    }
    if area.width > endWidth + TerminalText.displayWidth(start) + 1 {
      _ = buffer.put(string: end, x: area.maxX - endWidth, y: area.y, style: theme.dim)
    }
  }

  /// The time and the bucket's figures under the cursor, and the overlay's for the same bucket.
  private static func drawReadout(
    _ chart: ChartState, history: MetricHistory, overlay: MetricHistory?, theme: Theme, in buffer: inout Buffer,
    area: Rect
  ) {
    guard let index = chart.cursorBucket, let from = history.from, let to = history.to else { return }
    let span = to.timeIntervalSince(from)
    let at = from.addingTimeInterval(span * Double(index) / Double(max(1, history.bucketCount)))
    var spans = [Span(" ▸ " + clock(at, span: span, precise: true) + "  ", style: theme.header)]
    if let bucket = history.buckets.first(where: { $0.index == index }) {
      spans.append(Span(figures(bucket), style: theme.text))
    } else {
      spans.append(Span("no points", style: theme.dim))
    }
    if let overlay {
      let other = overlay.buckets.first { $0.index == index }
      spans.append(Span("   previous run: " + (other.map(figures) ?? "no points"), style: theme.chartOverlay))
    }
    StatusLine(left: spans, style: theme.text).draw(in: &buffer, area: area)
  }

  /// `min 50  max 9,999  last 50  (625 points)`, values as the metrics pane shows them.
  private static func figures(_ bucket: MetricBucket) -> String {
    let last = bucket.last.isFinite ? DisplayFormat.metric(bucket.last) : String(describing: bucket.last)
    return "min " + DisplayFormat.metric(bucket.min) + "  max " + DisplayFormat.metric(bucket.max) + "  last " + last
      + "  (" + DisplayFormat.grouped(bucket.count) + (bucket.count == 1 ? " point)" : " points)")
  }

  /// A time in UTC as precise as the span needs: `01-31T14:05` over days, `14:05:09` over
  /// minutes, `05:09.125` below; `precise` (the cursor's time) adds the seconds and
  /// milliseconds: `01-31T14:05:09.125` over days, `14:05:09.125` below.
  static func clock(_ date: Date, span: Double, precise: Bool = false) -> String {
    let text = date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    let characters = Array(text)
    // yyyy-MM-ddTHH:mm:ss.SSS
    guard characters.count >= 23 else { return text }
    let start = span >= 2 * 86_400 ? 5 : precise || span >= 60 ? 11 : 14
    let end = precise ? 23 : span >= 2 * 86_400 ? 16 : span >= 60 ? 19 : 23
    return String(characters[start..<end])
  }
}
