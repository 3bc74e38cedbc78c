import Foundation
import TaskDashModel

/// The lines of a run's or a task's page, built from what the store read.
///
/// Built by the view-model, so scrolling and search act on exactly the lines the UI draws.
/// JSON documents are re-indented as stored (key order kept); a document read only in part
/// says how much of it is shown.
public enum PageDocument {
  /// The most bytes of one document re-indented; past it the head is shown as stored.
  static let reindentLimit = 1 << 20

  /// The page's lines at `now` (a running run's duration grows with it).
  public static func lines(for content: PageContent, now: Date) -> [PageLine] {
    lines(for: content).map { $0.at(now) }
  }

  /// The page's lines with their clock-driven parts left open, to be read `at` a time: what
  /// a page keeps between reads, since re-indenting its documents is the costly part.
  static func lines(for content: PageContent) -> [PageLine] {
    switch content {
    case .run(let page): runLines(page)
    case .task(let page): taskLines(page)
    case .missing: [PageLine(.note, "It no longer exists.")]
    }
  }

  // MARK: - Run

  private static func runLines(_ page: RunPage) -> [PageLine] {
    let run = page.run
    var lines = [PageLine(.title, "\(run.taskName) · run #\(run.runNumber) · \(run.status.rawValue)")]
    let duration: PageLine
    if let seconds = run.duration {
      duration = field("Duration", DisplayFormat.duration(seconds: seconds))
    } else if let started = run.startedAt, run.completedAt == nil {
      duration = PageLine(.field(label: padded("Duration", labelWidth)), "", live: .elapsed(since: started))
    } else {
      duration = field("Duration", "-")
    }
    lines += [
      field("Status", run.status.rawValue),
      timestamp("Started", run.startedAt),
      timestamp("Completed", run.completedAt),
      duration,
    ]
    if run.status.known == .running, let activity = run.activity {
      lines.append(PageLine(.field(label: padded("Activity", labelWidth)), "", live: .activity(activity)))
    }
    lines += [
      timestamp("Updated", page.updatedAt),
      field("Run id", run.id.uuidString.lowercased()),
    ]
    lines += section(.errorMessage, page.errorMessage)
    lines += section(.errorDetails, page.errorDetails)
    lines += section(.plan, page.plan)
    lines += section(.results, page.results)
    lines.append(PageLine(.heading, "Metrics (\(page.metrics.count))"))
    if page.metrics.isEmpty { lines.append(PageLine(.note, "none")) }
    let nameWidth = min(32, page.metrics.map(\.name.count).max() ?? 0)
    for series in page.metrics {
      let value = DisplayFormat.metric(series.points.last) + (series.unit.map { " " + $0 } ?? "")
      lines.append(PageLine(.field(label: "  " + padded(series.name, nameWidth)), value))
    }
    lines.append(PageLine(.heading, "Artifacts (\(page.artifacts.count))"))
    if page.artifacts.isEmpty { lines.append(PageLine(.note, "none")) }
    let artifactWidth = min(40, page.artifacts.map(\.name.count).max() ?? 0)
    let typeWidth = page.artifacts.map(\.artifactType.rawValue.count).max() ?? 0
    let sizes = page.artifacts.map { DisplayFormat.bytes($0.contentLength ?? $0.fileSize) }
    let sizeWidth = sizes.map(\.count).max() ?? 0
    for (artifact, size) in zip(page.artifacts, sizes) {
      let value = padded(artifact.artifactType.rawValue, typeWidth) + "  " + padded(size, sizeWidth, right: true)
      lines.append(PageLine(.field(label: "  " + padded(artifact.name, artifactWidth)), value))
    }
    return lines
  }

  // MARK: - Task

  private static func taskLines(_ page: TaskPage) -> [PageLine] {
    let task = page.task.task
    var lines = [PageLine(.title, "\(task.name) · \(task.status.rawValue)")]
    lines += [
      field("Status", task.status.rawValue),
      field("Max rounds", task.maxRounds.map(String.init) ?? "-"),
      field("Memory size", task.memorySize.map(String.init) ?? "-"),
      timestamp("Created", task.createdAt),
      timestamp("Updated", task.updatedAt),
      field("Runs", "\(task.totalRuns) total · \(task.successfulRuns) ok · \(task.failedRuns) failed"),
    ]
    // Both numbers rather than silently one: the operator decides which to believe.
    if let mismatch = page.counterMismatch { lines.append(PageLine(.error, mismatch)) }
    lines += [
      field("Success rate", DisplayFormat.percent(task.successRate)),
      field(
        "Running now",
        String(page.task.runningNow) + (page.task.silentNow > 0 ? " · \(page.task.silentNow) silent" : "")),
      field("Task id", task.id.uuidString.lowercased()),
    ]
    lines.append(PageLine(.heading, "Description"))
    lines += textLines(task.description ?? "", empty: "none")
    lines.append(PageLine(.heading, "Config"))
    lines += jsonLines(task.config)
    lines.append(PageLine(.heading, "Runs by status"))
    if page.runsByStatus.isEmpty { lines.append(PageLine(.note, "no runs")) }
    for count in page.runsByStatus {
      lines.append(PageLine(.field(label: "  " + padded(count.status.rawValue, 10)), String(count.count)))
    }
    lines.append(PageLine(.heading, "Duration of completed runs"))
    if let stats = page.durations {
      lines += [
        field("p50", DisplayFormat.duration(seconds: stats.p50)),
        field("p95", DisplayFormat.duration(seconds: stats.p95)),
        field("max", DisplayFormat.duration(seconds: stats.max)),
        PageLine(
          .note, stats.count == 1 ? "of the newest completed run" : "over the newest \(stats.count) completed runs"),
      ]
    } else {
      lines.append(PageLine(.note, "no completed runs"))
    }
    lines.append(PageLine(.heading, "Latest failure"))
    if let failure = page.latestFailure {
      lines.append(field("Run", "#\(failure.runNumber) · \(failure.status.rawValue)"))
      lines.append(timestamp("Completed", failure.completedAt))
      lines += textLines(failure.errorMessage ?? "", empty: "no error message", role: .error)
    } else {
      lines.append(PageLine(.note, "none"))
    }
    return lines
  }

  // MARK: - Pieces

  private static let labelWidth = 12

  private static func field(_ label: String, _ value: String) -> PageLine {
    PageLine(.field(label: padded(label, labelWidth)), value)
  }

  private static func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    guard text.count < width else { return text }
    let fill = String(repeating: " ", count: width - text.count)
    return right ? fill + text : text + fill
  }

  /// A field holding a date and its age.
  private static func timestamp(_ label: String, _ date: Date?) -> PageLine {
    guard let date else { return field(label, "-") }
    return PageLine(.field(label: padded(label, labelWidth)), date.formatted(.iso8601), live: .age(date))
  }

  /// A run document's heading, text and notes, each line knowing the document it shows so
  /// Enter can open it whole in the viewer.
  private static func section(_ document: RunDocument, _ head: DocumentHead?) -> [PageLine] {
    var lines = [PageLine(.heading, document.title)]
    if let head {
      if document.isJSON && head.isWhole {
        lines += jsonLines(head.text)
      } else {
        lines += textLines(head.text, empty: "empty", role: document == .errorMessage ? .error : .text)
      }
      if !head.isWhole {
        let shown = DisplayFormat.bytes(Int64(head.text.utf8.count))
        lines.append(
          PageLine(.note, "… the first \(shown) of \(DisplayFormat.bytes(head.byteCount)) shown · Enter reads it all"))
      }
    } else {
      lines.append(PageLine(.note, "none"))
    }
    guard head?.byteCount ?? 0 > 0 else { return lines }
    return lines.map { line in
      var line = line
      line.document = document
      return line
    }
  }

  private static func textLines(_ text: String, empty: String, role: PageLine.Role = .text) -> [PageLine] {
    guard !text.isEmpty else { return [PageLine(.note, empty)] }
    return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap(pieces).map { PageLine(role, $0) }
  }

  /// The longest line a page holds, in characters; longer ones continue on the next lines.
  ///
  /// A page scrolls by lines, so a line taller than the screen (a one-line JSON document of
  /// megabytes, wrapped) would hide all but its start: 1,024 characters wrap to at most 14
  /// rows at 80 columns.
  static let longestLine = 1_024

  private static func pieces(_ line: Substring) -> [String] {
    guard line.count > longestLine else { return [String(line)] }
    var pieces: [String] = []
    var rest = line[...]
    while !rest.isEmpty {
      pieces.append(String(rest.prefix(longestLine)))
      rest = rest.dropFirst(longestLine)
    }
    return pieces
  }

  private static func jsonLines(_ text: String) -> [PageLine] {
    let bytes = Array(text.utf8)
    guard JSONReindenter.looksLikeJSON(bytes), let pretty = JSONReindenter.reindent(bytes, limit: reindentLimit) else {
      return textLines(text, empty: "empty", role: .json)
    }
    return String(decoding: pretty, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap(pieces).map { PageLine(.json, $0) }
  }
}
