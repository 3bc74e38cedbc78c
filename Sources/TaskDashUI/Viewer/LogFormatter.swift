import Foundation

/// Colours log lines by level and marks a leading timestamp.
public struct LogFormatter: Sendable {
  /// Creates a formatter.
  public init() {}

  private static let levels: [(words: [String], role: TextRole)] = [
    (["ERROR", "FATAL", "CRITICAL", "PANIC"], .logError),
    (["WARN", "WARNING"], .logWarning),
    (["INFO", "NOTICE"], .logInfo),
    (["DEBUG", "TRACE"], .logDebug),
  ]

  /// The styled line: the level word in its colour, a leading timestamp dimmed.
  public func format(_ line: Substring) -> ViewerLine {
    // Only the head of the line is examined: levels come first in every common log format.
    let head = line.prefix(64)
    var spans: [ViewerLine.Span] = []
    var rest = line[...]
    if let first = head.first, first.isNumber || first == "[" {
      let stamp = Self.timestamp(in: rest)
      if !stamp.isEmpty {
        spans.append(.init(String(stamp), .timestamp))
        rest = rest.dropFirst(stamp.count)
      }
    }
    for (words, role) in Self.levels {
      for word in words {
        if let range = rest.prefix(48).range(of: word) {
          spans.append(.init(String(rest[..<range.lowerBound])))
          spans.append(.init(String(rest[range]), role))
          spans.append(.init(String(rest[range.upperBound...])))
          return ViewerLine(spans)
        }
      }
    }
    spans.append(.init(String(rest)))
    return ViewerLine(spans)
  }

  /// A leading `2026-11-25T10:00:00Z`, `2026-11-25 10:00:00.123` or `[10:00:00]`: one or two
  /// words starting with a digit or `[`, the last holding a colon.
  private static func timestamp(in line: Substring) -> Substring {
    let firstWord = line.prefix(while: { !$0.isWhitespace })
    let afterFirst = line.dropFirst(firstWord.count)
    if afterFirst.first == " ", let next = afterFirst.dropFirst().first, next.isNumber {
      let secondWord = afterFirst.dropFirst().prefix(while: { !$0.isWhitespace })
      if secondWord.contains(":") { return line.prefix(firstWord.count + 1 + secondWord.count) }
    }
    return firstWord.contains(":") ? firstWord : line.prefix(0)
  }
}
