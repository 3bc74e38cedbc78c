import Foundation
import TaskDashModel

/// Builds a comparison's lines from its data and its documents' differences: the runs' rows,
/// their metrics, their artifacts, then the differences of plan, results and error details.
enum CompareDocument {
  /// The documents compared as JSON, in the order shown.
  static let documents: [RunDocument] = [.plan, .results, .errorDetails]

  static func lines(_ content: ComparisonContent, diffs: [RunDocument: DocumentDiff]) -> [CompareLine] {
    switch content {
    case .missing:
      return [CompareLine(.note, "a run of this comparison no longer exists")]
    case .noPrevious(let run):
      return [CompareLine(.note, "\(run.taskName) #\(run.runNumber) is the first run of its task: nothing to compare")]
    case .compared(let old, let new):
      var lines = runLines(old.page, new.page)
      lines += metricLines(old.metrics, new.metrics)
      lines += artifactLines(old.page.artifacts, new.page.artifacts)
      for document in documents {
        lines.append(CompareLine(.heading, document.title))
        if old.page.head(of: document) == nil && new.page.head(of: document) == nil {
          lines.append(CompareLine(.note, "neither run has one"))
        } else {
          lines += differenceLines(diffs[document])
        }
      }
      return lines
    }
  }

  // MARK: - Runs

  private static func runLines(_ old: RunPage, _ new: RunPage) -> [CompareLine] {
    let (a, b) = (old.run, new.run)
    func stamp(_ date: Date?) -> String { date?.formatted(.iso8601) ?? "-" }
    func shift(_ from: Date?, _ to: Date?) -> String {
      guard let from, let to else { return "" }
      return signedDuration(to.timeIntervalSince(from))
    }
    var durationChange = ""
    if let before = a.duration, let after = b.duration {
      durationChange = signedDuration(after - before) + percent(after - before, of: before)
    }
    return [
      CompareLine(.heading, "Runs"),
      CompareLine(.row, "Run", old: "\(a.taskName) #\(a.runNumber)", new: "\(b.taskName) #\(b.runNumber)"),
      CompareLine(
        .row, "Status", old: a.status.rawValue, new: b.status.rawValue,
        change: a.status == b.status ? "" : "changed"),
      CompareLine(
        .row, "Started", old: stamp(a.startedAt), new: stamp(b.startedAt), change: shift(a.startedAt, b.startedAt)),
      CompareLine(
        .row, "Completed", old: stamp(a.completedAt), new: stamp(b.completedAt),
        change: shift(a.completedAt, b.completedAt)),
      CompareLine(
        .row, "Duration", old: a.duration.map { DisplayFormat.duration(seconds: $0) } ?? "-",
        new: b.duration.map { DisplayFormat.duration(seconds: $0) } ?? "-", change: durationChange),
      CompareLine(
        .row, "Error", old: firstLine(old.errorMessage), new: firstLine(new.errorMessage),
        change: old.errorMessage?.text == new.errorMessage?.text ? "" : "changed"),
    ]
  }

  private static func firstLine(_ head: DocumentHead?) -> String {
    guard let head else { return "-" }
    let line = head.text.prefix { $0 != "\n" && $0 != "\r" }
    return line.count < head.text.count || !head.isWhole ? String(line) + "…" : String(line)
  }

  // MARK: - Metrics

  private static func metricLines(_ old: [MetricSummary], _ new: [MetricSummary]) -> [CompareLine] {
    var lines = [CompareLine(.heading, "Metrics")]
    let names = Set(old.map(\.name)).union(new.map(\.name)).sorted()
    guard !names.isEmpty else { return lines + [CompareLine(.note, "neither run has metrics")] }
    let (before, after) = (byName(old), byName(new))
    for name in names {
      let (a, b) = (before[name], after[name])
      let unit = (b?.unit ?? a?.unit).map { " (" + $0 + ")" } ?? ""
      switch (a, b) {
      case (let a?, let b?):
        lines.append(metricRow(name + unit + " last", a.last, b.last))
        lines.append(metricRow("  min", a.min, b.min))
        lines.append(metricRow("  max", a.max, b.max))
      case (let a?, nil):
        lines.append(CompareLine(.row, name + unit, old: summary(a), new: "-", change: "only older"))
      case (nil, let b?):
        lines.append(CompareLine(.row, name + unit, old: "-", new: summary(b), change: "only newer"))
      case (nil, nil):
        break
      }
    }
    let limit = ComparisonQuery.standardPointLimit
    if (old + new).contains(where: { $0.points >= limit }) {
      lines.append(CompareLine(.note, "min and max cover each metric's newest \(DisplayFormat.grouped(limit)) points"))
    }
    return lines
  }

  private static func byName(_ summaries: [MetricSummary]) -> [String: MetricSummary] {
    Dictionary(summaries.map { ($0.name, $0) }) { first, _ in first }
  }

  private static func summary(_ metric: MetricSummary) -> String {
    "last " + DisplayFormat.metric(metric.last) + " min " + DisplayFormat.metric(metric.min) + " max "
      + DisplayFormat.metric(metric.max)
  }

  private static func metricRow(_ label: String, _ old: Double, _ new: Double) -> CompareLine {
    let delta = new - old
    let change =
      delta == 0 || !delta.isFinite ? "" : signed(DisplayFormat.metric(delta), delta) + percent(delta, of: old)
    return CompareLine(.row, label, old: DisplayFormat.metric(old), new: DisplayFormat.metric(new), change: change)
  }

  // MARK: - Artifacts

  private static func artifactLines(_ old: [ArtifactRow], _ new: [ArtifactRow]) -> [CompareLine] {
    var lines = [CompareLine(.heading, "Artifacts")]
    func sizes(_ rows: [ArtifactRow]) -> [String: Int64?] {
      Dictionary(rows.map { ($0.name, $0.fileSize ?? $0.contentLength) }) { first, _ in first }
    }
    let (before, after) = (sizes(old), sizes(new))
    let names = Set(before.keys).union(after.keys).sorted()
    guard !names.isEmpty else { return lines + [CompareLine(.note, "neither run has artifacts")] }
    for name in names {
      switch (before[name], after[name]) {
      case (let a?, let b?):
        var change = ""
        if let a, let b, a != b { change = (b > a ? "+" : "-") + DisplayFormat.bytes(abs(b - a)) }
        lines.append(CompareLine(.row, name, old: DisplayFormat.bytes(a), new: DisplayFormat.bytes(b), change: change))
      case (let a?, nil):
        lines.append(CompareLine(.row, name, old: DisplayFormat.bytes(a), new: "-", change: "removed"))
      case (nil, let b?):
        lines.append(CompareLine(.row, name, old: "-", new: DisplayFormat.bytes(b), change: "added"))
      case (nil, nil):
        break
      }
    }
    return lines
  }

  // MARK: - Documents

  private static func differenceLines(_ diff: DocumentDiff?) -> [CompareLine] {
    switch diff {
    case nil:
      return [CompareLine(.note, "comparing…")]
    case .invalid(let reason):
      return [CompareLine(.note, "cannot compare: " + reason)]
    case .unreadable(let error):
      return [CompareLine(.note, "cannot read (r retries): \(error)")]
    case .compared(let report, let streamed):
      guard !report.isEmpty else { return [CompareLine(.note, "no differences")] }
      var lines: [CompareLine] = []
      for difference in report.differences {
        let change: String =
          switch difference.kind {
          case .added: "added"
          case .removed: "removed"
          case .changed: "changed"
          }
        lines.append(CompareLine(.path(difference.kind), difference.path.description, change: change))
        let (old, new) = fromFirstDifference(difference.old ?? "-", difference.new ?? "-")
        lines.append(CompareLine(.row, "", old: old, new: new))
      }
      if report.more > 0 { lines.append(CompareLine(.note, "and \(DisplayFormat.grouped(report.more)) more")) }
      if streamed { lines.append(CompareLine(.note, "compared in windows (large documents)")) }
      return lines
    }
  }

  /// Two values that begin alike (long strings that differ near their end) shown from a few
  /// characters before they part, so that the narrow columns show what changed.
  static func fromFirstDifference(_ old: String, _ new: String) -> (String, String) {
    let shared = zip(old, new).prefix { $0 == $1 }.count
    let kept = 8
    guard shared > kept + 4 else { return (old, new) }
    return ("…" + old.dropFirst(shared - kept), "…" + new.dropFirst(shared - kept))
  }

  // MARK: - Changes

  private static func signedDuration(_ seconds: Double) -> String {
    guard seconds != 0 else { return "" }
    return (seconds > 0 ? "+" : "-") + DisplayFormat.duration(seconds: abs(seconds))
  }

  private static func signed(_ text: String, _ value: Double) -> String {
    value > 0 ? "+" + text : text
  }

  /// ` (+12%)`: `delta` against `base`; nothing when the base is zero.
  private static func percent(_ delta: Double, of base: Double) -> String {
    guard base != 0, delta != 0 else { return "" }
    let fraction = delta / abs(base)
    return " (" + signed(DisplayFormat.percent(fraction), fraction) + ")"
  }
}
