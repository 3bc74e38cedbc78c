import Foundation
import TaskDashModel

/// A run's or a task's own page on the screen stack: what it shows, its data and where the
/// operator is in it.
public struct PageState: Equatable, Sendable {
  /// The run or task shown; `[` and `]` replace it with a neighbour.
  public internal(set) var subject: PageSubject
  /// The page's data; kept (marked stale) when a poll fails.
  public internal(set) var data: Loadable<PageContent> = .loading
  /// The first line on screen.
  public internal(set) var top = 0
  /// Whether the operator went to the end (G) and has not moved up since: the UI then keeps
  /// the last line at the bottom, however many rows the wrapped lines above it take.
  public internal(set) var atEnd = false
  /// Whether long lines wrap (on by default: error messages are long).
  public internal(set) var wraps = true
  /// The last search, and where it was found.
  public internal(set) var search: PageSearch?
  /// The lines of the data, built once per read (the documents' JSON re-indented); only
  /// their clock-driven parts are redone when drawn.
  private var builtLines: [PageLine] = []

  /// Opens a page on `subject`; its data comes from the page poll.
  public init(subject: PageSubject) {
    self.subject = subject
  }

  /// The page's lines at `now`, or nil before the first value.
  public func lines(at now: Date) -> [PageLine]? {
    data.value == nil ? nil : builtLines.map { $0.at(now) }
  }

  /// The document Enter reads whole from a screen of `rows` lines: the first on screen that
  /// the page shows only in part (its note says Enter reads it all), else the one the top
  /// line belongs to, else the first on screen.
  func documentInView(rows: Int) -> (document: RunDocument, length: Int64)? {
    guard case .run(let page) = data.value else { return nil }
    let shown = builtLines.dropFirst(top).prefix(max(1, rows)).compactMap(\.document)
    let partial = shown.first { page.head(of: $0)?.isWhole == false }
    guard let document = partial ?? shown.first else { return nil }
    return page.head(of: document).map { (document, $0.byteCount) }
  }

  /// The breadcrumb label: the run's task and number, or the task's name.
  public var title: String {
    switch data.value {
    case .run(let page): "\(page.run.taskName) #\(page.run.runNumber)"
    case .task(let page): page.task.task.name
    case .missing, nil:
      switch subject {
      case .run: "run"
      case .task: "task"
      }
    }
  }

  /// The run or task before (`forward` false) or after this one, when the data knows it.
  func neighbour(forward: Bool) -> PageSubject? {
    switch data.value {
    case .run(let page): (forward ? page.nextRunID : page.previousRunID).map(PageSubject.run)
    case .task(let page): (forward ? page.nextTaskID : page.previousTaskID).map(PageSubject.task)
    case .missing, nil: nil
    }
  }

  /// Shows `subject` instead, from the top; the old data stays until the new arrives.
  mutating func show(_ newSubject: PageSubject) {
    subject = newSubject
    top = 0
    atEnd = false
    search = nil
  }

  /// Takes in new data; a page that got shorter keeps its end on screen.
  mutating func receive(_ content: PageContent, at date: Date) {
    if data.value != content { builtLines = PageDocument.lines(for: content) }
    data = data.receiving(content, at: date)
    top = min(top, max(0, builtLines.count - 1))
  }

  mutating func confirm(at date: Date) {
    data = data.confirming(at: date)
  }

  mutating func fail(_ failure: LoadFailure) {
    data = data.failing(failure)
  }

  // MARK: - Motion

  /// Moves the top line by `delta`, within the `count` lines and `rows` on screen.
  mutating func scroll(by delta: Int, count: Int, rows: Int) {
    top = min(max(0, top + delta), Self.lastTop(count: count, rows: rows))
    atEnd = atEnd && delta >= 0
  }

  /// The top line that shows the end of the page.
  mutating func scrollToEnd(count: Int, rows: Int) {
    top = Self.lastTop(count: count, rows: rows)
    atEnd = true
  }

  mutating func toggleWrap() {
    wraps.toggle()
  }

  private static func lastTop(count: Int, rows: Int) -> Int {
    max(0, count - max(1, rows))
  }

  // MARK: - Search

  /// Finds `query` (ignoring case) from the top line on, wrapping around; an empty query
  /// clears the search.
  mutating func find(_ query: String, in lines: [PageLine], rows: Int) {
    guard !query.isEmpty else {
      search = nil
      return
    }
    search = PageSearch(query: query, status: .searching, line: nil)
    findAgain(forward: true, in: lines, rows: rows, from: top)
  }

  /// The next (or previous) line holding the search's text.
  mutating func findAgain(forward: Bool, in lines: [PageLine], rows: Int, from start: Int? = nil) {
    guard var current = search, !lines.isEmpty else { return }
    let begin = start ?? (forward ? top + 1 : top - 1)
    let count = lines.count
    for step in 0..<count {
      let index = ((forward ? begin + step : begin - step) % count + count) % count
      if lines[index].searchableText.range(of: current.query, options: .caseInsensitive) != nil {
        let wrapped = forward ? index < begin : index > begin
        current.status = .found(wrapped: wrapped)
        current.line = index
        top = min(index, Self.lastTop(count: count, rows: rows))
        atEnd = false
        search = current
        return
      }
    }
    current.status = .notFound
    current.line = nil
    search = current
  }
}
