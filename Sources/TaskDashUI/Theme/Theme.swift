import TaskDashModel
import TerminalUI

/// Every style the dashboard draws with, in one place, in slots that say what they are for.
///
/// `standard` uses the eight basic colours on a dark background; `light` the same colours that
/// read on a light one (no yellow, cyan or white text on the terminal's own background);
/// `monochrome` (used when the terminal draws no colour, NO_COLOR included) only bold, reverse,
/// underline and dim. Statuses always carry a symbol as well as a style, so they stay legible
/// without colour.
public struct Theme: Hashable, Sendable {
  /// The generic widgets' own parts: borders, titles, column headers, selections.
  public var widgets: WidgetStyles
  /// Body text.
  public var text: Style
  /// The key bar at the bottom.
  public var keyBar: Style
  /// A key name inside the key bar.
  public var keyBarKey: Style
  /// The marker on data that may be out of date (the database stopped answering).
  public var stale: Style
  /// A banner carrying an error.
  public var errorBanner: Style
  /// An error message in the data (a run's error).
  public var error: Style
  /// Marks standing in for control, bidirectional and invisible characters.
  public var mark: Style
  /// A search match in the viewer and on a page.
  public var searchMatch: Style
  /// Sparkline bars.
  public var sparkline: Style
  /// The header's connection state while connected.
  public var connected: Style
  /// The header's connection state while the connection is lost or refused.
  public var disconnected: Style
  /// A running run gone silent, and a task's count of them; its text says "silent" or "!",
  /// so it reads without colour too.
  public var silent: Style
  /// Each run status.
  public var runStatuses: [RunStatus: StatusLook]
  /// Each task status.
  public var taskStatuses: [TaskStatus: StatusLook]

  /// Secondary text: timestamps, placeholders, hints.
  public var dim: Style { widgets.dim }
  /// Column headers and page titles.
  public var header: Style { widgets.header }
  /// Titles without focus, section headings.
  public var title: Style { widgets.title }

  // MARK: - Statuses

  /// How a run status is shown; a status this build does not know is `?` in plain text.
  public func look(_ status: Lenient<RunStatus>) -> StatusLook {
    guard case .known(let known) = status, let look = runStatuses[known] else { return StatusLook("?", text) }
    return look
  }

  /// How a task status is shown; a status this build does not know is `?` in plain text.
  public func look(_ status: Lenient<TaskStatus>) -> StatusLook {
    guard case .known(let known) = status, let look = taskStatuses[known] else { return StatusLook("?", text) }
    return look
  }

  // MARK: - Themes

  /// The colour theme.
  public static let standard = Theme(
    widgets: WidgetStyles(
      dim: Style(dim: true), header: Style(foreground: .cyan, bold: true), border: Style(foreground: .blue),
      focusedBorder: Style(foreground: .cyan, bold: true), title: Style(foreground: .blue),
      focusedTitle: Style(foreground: .cyan, bold: true), selection: Style(foreground: .black, background: .cyan),
      unfocusedSelection: Style(reverse: true)),
    text: .plain,
    keyBar: Style(foreground: .white, background: .blue),
    keyBarKey: Style(foreground: .yellow, background: .blue, bold: true),
    stale: Style(foreground: .yellow, bold: true),
    errorBanner: Style(foreground: .white, background: .red, bold: true),
    error: Style(foreground: .red, bold: true),
    mark: Style(foreground: .magenta),
    searchMatch: Style(foreground: .black, background: .yellow),
    sparkline: Style(foreground: .green),
    connected: Style(foreground: .green),
    disconnected: Style(foreground: .red, bold: true),
    silent: Style(foreground: .black, background: .yellow, bold: true),
    runStatuses: Self.standardRuns,
    taskStatuses: taskLooks(Self.standardRuns, paused: StatusLook("‖", Style(foreground: .blue)))
  )

  /// The colour theme for terminals with a light background: text colours that keep their
  /// contrast on white (blue, magenta, red, green, black), yellow and cyan only as backgrounds.
  public static let light = Theme(
    widgets: WidgetStyles(
      dim: Style(dim: true), header: Style(foreground: .blue, bold: true), border: Style(foreground: .black),
      focusedBorder: Style(foreground: .blue, bold: true), title: Style(foreground: .black),
      focusedTitle: Style(foreground: .blue, bold: true), selection: Style(foreground: .white, background: .blue),
      unfocusedSelection: Style(reverse: true)),
    text: .plain,
    keyBar: Style(foreground: .white, background: .blue),
    keyBarKey: Style(foreground: .yellow, background: .blue, bold: true),
    stale: Style(foreground: .magenta, bold: true),
    errorBanner: Style(foreground: .white, background: .red, bold: true),
    error: Style(foreground: .red, bold: true),
    mark: Style(foreground: .magenta),
    searchMatch: Style(foreground: .black, background: .yellow),
    sparkline: Style(foreground: .blue),
    connected: Style(foreground: .green),
    disconnected: Style(foreground: .red, bold: true),
    silent: Style(foreground: .black, background: .yellow, bold: true),
    runStatuses: Self.lightRuns,
    taskStatuses: taskLooks(Self.lightRuns, paused: StatusLook("‖", Style(foreground: .magenta, dim: true)))
  )

  /// The theme without colour: bold, reverse, underline and dim only.
  public static let monochrome = Theme(
    widgets: WidgetStyles(),
    text: .plain,
    keyBar: Style(reverse: true),
    keyBarKey: Style(bold: true, reverse: true),
    stale: Style(bold: true),
    errorBanner: Style(bold: true, reverse: true),
    error: Style(bold: true, underline: true),
    mark: Style(underline: true),
    searchMatch: Style(reverse: true),
    sparkline: .plain,
    connected: .plain,
    disconnected: Style(bold: true, underline: true),
    silent: Style(bold: true, reverse: true),
    runStatuses: Self.monochromeRuns,
    taskStatuses: taskLooks(Self.monochromeRuns, paused: StatusLook("‖", Style(dim: true)))
  )

  private static let standardRuns: [RunStatus: StatusLook] = [
    .pending: StatusLook("○", Style(foreground: .yellow)),
    .running: StatusLook("●", Style(foreground: .cyan, bold: true)),
    .completed: StatusLook("✓", Style(foreground: .green)),
    .failed: StatusLook("✗", Style(foreground: .red, bold: true)),
    .cancelled: StatusLook("⊘", Style(foreground: .magenta)),
    .timeout: StatusLook("⧗", Style(foreground: .red)),
  ]

  private static let lightRuns: [RunStatus: StatusLook] = [
    .pending: StatusLook("○", Style(foreground: .magenta)),
    .running: StatusLook("●", Style(foreground: .blue, bold: true)),
    .completed: StatusLook("✓", Style(foreground: .green)),
    .failed: StatusLook("✗", Style(foreground: .red, bold: true)),
    .cancelled: StatusLook("⊘", Style(dim: true)),
    .timeout: StatusLook("⧗", Style(foreground: .red)),
  ]

  private static let monochromeRuns: [RunStatus: StatusLook] = [
    .pending: StatusLook("○", Style(dim: true)),
    .running: StatusLook("●", Style(bold: true)),
    .completed: StatusLook("✓", .plain),
    .failed: StatusLook("✗", Style(bold: true, underline: true)),
    .cancelled: StatusLook("⊘", Style(dim: true)),
    .timeout: StatusLook("⧗", Style(bold: true, underline: true)),
  ]

  /// The task statuses' looks: those of the run statuses with the same name, and `paused`, the
  /// tasks' own. A status named the same looks the same for runs and tasks.
  private static func taskLooks(_ runs: [RunStatus: StatusLook], paused: StatusLook) -> [TaskStatus: StatusLook] {
    var looks: [TaskStatus: StatusLook] = [.paused: paused]
    for (status, look) in runs {
      if let task = TaskStatus(rawValue: status.rawValue) { looks[task] = look }
    }
    return looks
  }

  /// Whether any style of the theme uses a colour.
  public var usesColor: Bool {
    let widgetStyles = [
      widgets.dim, widgets.header, widgets.border, widgets.focusedBorder, widgets.title, widgets.focusedTitle,
      widgets.selection, widgets.unfocusedSelection,
    ]
    let own = [
      text, keyBar, keyBarKey, stale, errorBanner, error, mark, searchMatch, sparkline, connected, disconnected,
      silent,
    ]
    let statuses = runStatuses.values.map(\.style) + taskStatuses.values.map(\.style)
    return (widgetStyles + own + statuses).contains { $0.foreground != .default || $0.background != .default }
  }
}
