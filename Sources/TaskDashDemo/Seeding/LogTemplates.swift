import TaskDashModel

/// Log line templates: the lines a run log starts with, draws from, and ends with per status.
public struct LogTemplates: Hashable, Sendable {
  /// One line: level, component and a message template.
  struct Line: Hashable, Sendable {
    var level: String
    var component: String
    var message: Template
  }

  var start: [Line] = []
  var body: [Line] = []
  var end: [RunStatus: [Line]] = [:]

  /// Parses a `logs/*.txt` file: `[section]` headers, `#` comments, `LEVEL component message`.
  init(parsing text: String, name: String) throws {
    var section = "body"
    for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = String(raw)
      if line.hasPrefix("#") { continue }
      if line.hasPrefix("[") && line.hasSuffix("]") {
        section = String(line.dropFirst().dropLast())
        continue
      }
      let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
      guard words.count == 3, ["DEBUG", "INFO", "WARN", "ERROR"].contains(words[0]) else {
        throw TemplateError(template: name, message: "expected 'LEVEL component message': \(line)")
      }
      let parsed = Line(
        level: String(words[0]), component: String(words[1]), message: try Template(String(words[2]), name: name))
      switch section {
      case "start": start.append(parsed)
      case "body": body.append(parsed)
      default:
        guard section.hasPrefix("end:"), let status = RunStatus(rawValue: String(section.dropFirst(4))) else {
          throw TemplateError(template: name, message: "unknown section [\(section)]")
        }
        end[status, default: []].append(parsed)
      }
    }
  }

  /// The common lines with a task's own lines added to each section.
  func adding(_ other: LogTemplates) -> LogTemplates {
    var merged = self
    merged.start += other.start
    merged.body += other.body
    merged.end.merge(other.end) { $0 + $1 }
    return merged
  }
}
