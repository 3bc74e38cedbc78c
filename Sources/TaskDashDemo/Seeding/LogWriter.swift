import Foundation
import SeededRandom
import TaskDashModel

/// Writes a run's log from line templates: start lines, random body lines, the end lines of the
/// run's status; timestamps spread over the run's life.
enum LogWriter {
  /// A log and its line count.
  struct Output {
    var text: String
    var lines: Int
  }

  /// A log of about `lines` lines, or of at least `minBytes` bytes when that is given.
  static func write(
    _ templates: LogTemplates, status: RunStatus, from start: Date, to end: Date, lines: Int, minBytes: Int?,
    context: TemplateContext, random: inout SplitMix64
  ) -> Output {
    let endLines = templates.end[status] ?? []
    // Typical rendered line length, used to spread timestamps when writing by size.
    let estimatedLines = minBytes.map { max($0 / 96, lines) } ?? lines
    let step = max(end.timeIntervalSince(start), 0.001) / Double(max(estimatedLines, 1))
    var text = ""
    if let minBytes { text.reserveCapacity(minBytes + 4096) }
    var time = start.timeIntervalSince1970
    let last = end.timeIntervalSince1970
    var count = 0

    func append(_ line: LogTemplates.Line, _ random: inout SplitMix64) {
      text += Timestamps.iso(Date(timeIntervalSince1970: time))
      text += " "
      text += line.level
      text += String(repeating: " ", count: max(0, 5 - line.level.count))
      text += " ["
      text += line.component
      text += "] "
      line.message.render(context, &random, into: &text)
      text += "\n"
      count += 1
      time = min(time + step * random.double(in: 0.2...1.8), last)
    }

    for line in templates.start { append(line, &random) }
    if !templates.body.isEmpty {
      let bodyLines = max(lines - templates.start.count - endLines.count, 1)
      var written = 0
      while written < bodyLines || (minBytes.map { text.utf8.count < $0 } ?? false) {
        append(random.pick(templates.body), &random)
        written += 1
      }
    }
    for line in endLines { append(line, &random) }
    return Output(text: text, lines: count)
  }
}
