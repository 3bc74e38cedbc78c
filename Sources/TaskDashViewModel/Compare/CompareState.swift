import Foundation
import TaskDashModel

/// A run comparison on the screen stack: which runs, their data, their documents'
/// differences and where the operator is in it.
///
/// The runs' rows, metrics and artifacts come from the comparison poll; each JSON document is
/// compared by an effect (`.compareDocuments`) once per version of the two runs, so a poll
/// that finds the runs unchanged compares nothing again.
public struct CompareState: Equatable, Sendable {
  /// Which runs.
  public let subject: CompareSubject
  /// The runs' data; kept (marked stale) when a poll fails.
  public internal(set) var data: Loadable<ComparisonContent> = .loading
  /// The first line on screen.
  public internal(set) var top = 0
  /// Each document's comparison: asked for (nil answer while it runs) or answered.
  private var diffs: [RunDocument: Entry] = [:]
  /// Comparisons wanted but not yet asked for.
  private var wanted: [DocumentComparison] = []
  /// Comparisons asked for and not answered that a newer version replaced: no one waits for them.
  private var abandoned: [DocumentComparison] = []
  /// The lines, rebuilt when the data or a difference arrives.
  public private(set) var lines: [CompareLine] = []

  /// A document's comparison as asked for, and its answer once it came.
  private struct Entry: Equatable, Sendable {
    var asked: DocumentComparison
    var answer: DocumentDiff?
  }

  /// Opens a comparison of `subject`; its data comes from the comparison poll.
  public init(subject: CompareSubject) {
    self.subject = subject
  }

  /// The breadcrumb label: "name #3 ↔ #4".
  public var title: String {
    guard case .compared(let old, let new)? = data.value else { return "compare" }
    let (a, b) = (old.page.run, new.page.run)
    return a.taskID == b.taskID
      ? "\(a.taskName) #\(a.runNumber) ↔ #\(b.runNumber)"
      : "\(a.taskName) #\(a.runNumber) ↔ \(b.taskName) #\(b.runNumber)"
  }

  /// The poll request of this comparison.
  var request: PollRequest {
    .comparison(ComparisonQuery(subject: subject))
  }

  /// Takes in new data; documents whose version changed are compared again.
  mutating func receive(_ content: ComparisonContent, at date: Date) {
    data = data.receiving(content, at: date)
    guard case .compared(let old, let new) = content else {
      rebuild()
      return
    }
    for document in CompareDocument.documents {
      let comparison = DocumentComparison(
        document: document, old: old.version(of: document), new: new.version(of: document))
      if let entry = diffs[document], entry.asked != comparison {
        if entry.answer == nil { abandoned.append(entry.asked) }
        diffs[document] = Entry(asked: comparison)
        wanted.append(comparison)
      } else if diffs[document] == nil {
        diffs[document] = Entry(asked: comparison)
        wanted.append(comparison)
      }
    }
    rebuild()
  }

  /// Notes that a poll found the data unchanged.
  mutating func confirm(at date: Date) {
    data = data.confirming(at: date)
  }

  /// Notes a failed poll: the data stays, marked stale.
  mutating func fail(_ failure: LoadFailure) {
    data = data.failing(failure)
    rebuild()
  }

  /// The comparisons to start now, each asked for once, and those to stop because a newer
  /// version of their document replaced them.
  mutating func plan() -> (start: [DocumentComparison], stop: [DocumentComparison]) {
    defer { (wanted, abandoned) = ([], []) }
    return (wanted, abandoned)
  }

  /// The comparisons asked for and not answered yet: what leaving the screen stops.
  var running: [DocumentComparison] {
    diffs.values.filter { $0.answer == nil }.map(\.asked)
  }

  /// Takes in a document's differences, unless a newer version was asked for since.
  mutating func receive(_ comparison: DocumentComparison, _ diff: DocumentDiff) {
    guard diffs[comparison.document]?.asked == comparison else { return }
    diffs[comparison.document] = Entry(asked: comparison, answer: diff)
    rebuild()
  }

  /// Asks again for the documents whose reading failed (`r`).
  mutating func retry() {
    for (document, entry) in diffs {
      if case .unreadable? = entry.answer {
        diffs[document] = Entry(asked: entry.asked)
        wanted.append(entry.asked)
      }
    }
    rebuild()
  }

  /// Scrolls by `delta` lines on a screen of `rows`, staying within the lines.
  mutating func scroll(by delta: Int, rows: Int) {
    let last = max(0, lines.count - max(1, rows))
    top = Int(max(0, min(Int64(last), Int64(top) + Int64(delta))))
  }

  private mutating func rebuild() {
    guard let content = data.value else {
      lines = []
      return
    }
    lines = CompareDocument.lines(content, diffs: diffs.compactMapValues(\.answer))
  }
}
