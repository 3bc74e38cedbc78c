import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// Comparing runs: `c` and space in the runs pane, `c` on a page, what the comparison polls
/// and which document comparisons it asks for.
@Suite struct CompareConversationTests {
  /// Run `number` of task 1 as a comparison reads it, with `results` as its results document.
  static func side(
    _ number: Int, results: String?, updated: Date = t0, metrics: [MetricSummary] = [],
    artifacts: [ArtifactRow] = []
  ) -> ComparedRun {
    let page = RunPage(
      run: runRow(number, duration: Double(number * 10)), updatedAt: updated, errorMessage: nil, errorDetails: nil,
      plan: nil, results: results.map { DocumentHead(text: $0, byteCount: Int64($0.utf8.count)) }, metrics: [],
      artifacts: artifacts, previousRunID: nil, nextRunID: nil)
    return ComparedRun(page: page, metrics: metrics)
  }

  static func summary(_ name: String, last: Double, min: Double, max: Double) -> MetricSummary {
    MetricSummary(
      name: name, metricType: .known(.gauge), unit: "s", last: last, lastAt: t0, min: min, max: max, points: 10)
  }

  /// On the runs pane with runs #3, #2 and #1 of task 1.
  static func onRuns() -> DashboardDriver {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "market-analysis")])
    harness.loadRuns([runRow(3), runRow(2), runRow(1)])
    harness.press(.focusNext)
    return harness
  }

  static func comparisons(_ effects: [Effect]) -> [DocumentComparison] {
    effects.compactMap { if case .compareDocuments(let comparison) = $0 { comparison } else { nil } }
  }

  /// Answers the comparison poll with `content`.
  static func load(_ content: ComparisonContent, into harness: inout DashboardDriver, at date: Date = t0) {
    guard case .comparison(let query)? = harness.state.requests[.compare] else {
      Issue.record("no comparison is polled")
      return
    }
    harness.send(.loaded(.comparison(query, content), at: date))
  }

  @Test func cOnARunComparesItWithThePreviousRunAndPollsOnlyTheComparison() {
    var harness = Self.onRuns()
    let effects = harness.press(.compare)
    #expect(harness.state.inputMode == .compare)
    #expect(harness.state.comparison?.subject == .previous(of: id(1_003)))
    #expect(harness.state.requests[.compare] == .comparison(ComparisonQuery(subject: .previous(of: id(1_003)))))
    #expect(harness.state.polled == [.compare, .health])
    #expect(ScreenStackTests.stopped(effects) == ScreenStackTests.paneSlots)

    harness.press(.back)
    #expect(harness.state.inputMode == .panes)
    #expect(!harness.state.polled.contains(.compare))
  }

  @Test func cOnARunPageComparesThatRun() {
    var harness = Self.onRuns()
    harness.press(.openPage)
    harness.press(.compare)
    #expect(harness.state.comparison?.subject == .previous(of: id(1_003)))
    #expect(harness.state.breadcrumb == ["Tasks", "run", "compare"])
  }

  @Test func spaceMarksRunsAndCComparesTheMarkedTwoThenClearsTheMarks() {
    var harness = Self.onRuns()
    harness.press(.toggleMark, .moveDown, .moveDown, .toggleMark)
    #expect(harness.state.markedRuns == [id(1_003), id(1_001)])
    harness.press(.compare)
    #expect(harness.state.comparison?.subject == .pair(id(1_003), id(1_001)))
    #expect(harness.state.markedRuns.isEmpty)
  }

  @Test func spaceAgainUnmarksAndSpaceOutsideTheRunsPanePagesDown() {
    var harness = Self.onRuns()
    harness.press(.toggleMark, .toggleMark)
    #expect(harness.state.markedRuns.isEmpty)
    harness.press(.focusPrevious)
    harness.loadTasks((1...40).map { taskRow($0, "task \($0)") })
    harness.press(.toggleMark)
    #expect(harness.state.markedRuns.isEmpty)
    #expect(harness.state.tasks.selectedIndex == harness.state.layout.rows(for: .tasks))
  }

  @Test(arguments: [1, 3])
  func cWithOtherThanTwoMarkedGivesAHintUntilTheNextKey(_ marked: Int) {
    var harness = Self.onRuns()
    for _ in 0..<marked { harness.press(.toggleMark, .moveDown) }
    harness.press(.compare)
    #expect(harness.state.comparison == nil)
    #expect(harness.state.hint?.hasPrefix("\(marked) marked: mark exactly two") == true)
    harness.press(.moveUp)
    #expect(harness.state.hint == nil)
    #expect(harness.state.markedRuns.count == marked)
  }

  @Test func eachDocumentIsComparedOncePerVersionOfTheRuns() throws {
    var harness = Self.onRuns()
    harness.press(.compare)
    let content = ComparisonContent.compared(
      old: Self.side(2, results: #"{"score": 1}"#), new: Self.side(3, results: #"{"score": 2}"#))
    Self.load(content, into: &harness)
    let asked = Self.comparisons(harness.effects)
    #expect(asked.map(\.document) == [.plan, .results, .errorDetails])
    let results = try #require(asked.first { $0.document == .results })
    #expect(results.old?.runID == id(1_002))
    #expect(results.new?.byteCount == 12)
    #expect(asked.first?.old == nil)

    // The same versions again: nothing more to compare.
    Self.load(content, into: &harness, at: at(5))
    #expect(Self.comparisons(harness.effects).isEmpty)
    // The newer run changed: the documents it has are compared again (neither has a plan).
    let changed = ComparisonContent.compared(
      old: Self.side(2, results: #"{"score": 1}"#), new: Self.side(3, results: #"{"score": 3}"#, updated: at(9)))
    Self.load(changed, into: &harness, at: at(10))
    #expect(Self.comparisons(harness.effects).map(\.document) == [.results])
  }

  static func stopped(_ effects: [Effect]) -> [DocumentComparison] {
    effects.compactMap { if case .stopComparison(let comparison) = $0 { comparison } else { nil } }
  }

  @Test func leavingTheScreenOrANewerVersionStopsTheComparisonsStillRunning() throws {
    var harness = Self.onRuns()
    harness.press(.compare)
    Self.load(
      .compared(old: Self.side(2, results: #"{"score": 1}"#), new: Self.side(3, results: #"{"score": 2}"#)),
      into: &harness)
    let asked = Self.comparisons(harness.effects)
    let results = try #require(asked.first { $0.document == .results })
    // Plan and error details are answered; results is still being read when the run changes.
    for comparison in asked where comparison != results {
      harness.send(.documentsCompared(comparison, .compared(JSONDiffReport(limit: 1), streamed: false)))
    }
    Self.load(
      .compared(
        old: Self.side(2, results: #"{"score": 1}"#), new: Self.side(3, results: #"{"score": 3}"#, updated: at(9))),
      into: &harness, at: at(10))
    #expect(Self.stopped(harness.effects) == [results])
    let newer = try #require(Self.comparisons(harness.effects).first)

    harness.press(.back)
    #expect(Self.stopped(harness.effects) == [newer])
  }

  @Test func aStoppedComparisonEndsBeforeItsNextRead() async {
    let comparer = DocumentComparer()
    let reads = Counter()
    // Each read hands back one window of a large document; the first stops the comparison.
    let fetch: JSONTokenizer.Fetch = { offset in
      let count = await reads.increment()
      if count == 1 { withUnsafeCurrentTask { $0?.cancel() } }
      return Array(repeating: UInt8(ascii: " "), count: 1 << 20)
    }
    let big = Int64(64 << 20)
    let diff = await _Concurrency.Task { await comparer.compare(old: (fetch, big), new: (fetch, big + 1)) }.value
    #expect(await reads.value == 1)
    guard case .unreadable = diff else {
      Issue.record("a stopped comparison answered \(diff)")
      return
    }
  }

  @Test func theDifferencesOfADocumentBecomeLinesAndALateAnswerIsDropped() async throws {
    var harness = Self.onRuns()
    harness.press(.compare)
    Self.load(
      .compared(old: Self.side(2, results: #"{"score": 1}"#), new: Self.side(3, results: #"{"score": 2}"#)),
      into: &harness)
    let results = try #require(Self.comparisons(harness.effects).first { $0.document == .results })
    #expect(harness.state.comparison?.lines.contains(CompareLine(.note, "comparing…")) == true)

    let reader = MemoryReader(contents: [
      .run(id(1_002), .results): bytes(#"{"score": 1}"#), .run(id(1_003), .results): bytes(#"{"score": 2}"#),
    ])
    let diff = await DocumentComparer().compare(results, reader: reader)
    harness.send(.documentsCompared(results, diff))
    let lines = try #require(harness.state.comparison?.lines)
    #expect(lines.contains(CompareLine(.path(.changed), "$.score", change: "changed")))
    #expect(lines.contains(CompareLine(.row, "", old: "1", new: "2")))

    // An answer for another version changes nothing.
    let stale = DocumentComparison(document: .results, old: nil, new: results.new)
    harness.send(.documentsCompared(stale, .compared(JSONDiffReport(limit: 1), streamed: false)))
    #expect(harness.state.comparison?.lines == lines)
  }

  @Test func theRunsMetricsAndArtifactsAreSideBySideWithTheirChanges() throws {
    var harness = Self.onRuns()
    harness.press(.compare)
    let old = Self.side(
      2, results: nil,
      metrics: [Self.summary("loss", last: 0.5, min: 0.25, max: 2), Self.summary("gone", last: 1, min: 1, max: 1)],
      artifacts: [artifactRow(1, name: "report.md", length: 1024), artifactRow(2, name: "old.log", length: 10)])
    let new = Self.side(
      3, results: nil, metrics: [Self.summary("loss", last: 0.25, min: 0.25, max: 3)],
      artifacts: [artifactRow(3, name: "report.md", length: 3072), artifactRow(4, name: "new.log", length: 5)])
    Self.load(.compared(old: old, new: new), into: &harness)
    let lines = try #require(harness.state.comparison?.lines)
    #expect(lines.contains(CompareLine(.row, "Run", old: "market-analysis #2", new: "market-analysis #3")))
    #expect(lines.contains(CompareLine(.row, "Duration", old: "20s", new: "30s", change: "+10s (+50%)")))
    #expect(lines.contains(CompareLine(.row, "loss (s) last", old: "0.50", new: "0.25", change: "-0.25 (-50%)")))
    #expect(lines.contains(CompareLine(.row, "  min", old: "0.25", new: "0.25")))
    #expect(lines.contains(CompareLine(.row, "  max", old: "2", new: "3", change: "+1 (+50%)")))
    #expect(lines.contains(CompareLine(.row, "gone (s)", old: "last 1 min 1 max 1", new: "-", change: "only older")))
    #expect(lines.contains(CompareLine(.row, "report.md", old: "1.0 KB", new: "3.0 KB", change: "+2.0 KB")))
    #expect(lines.contains(CompareLine(.row, "old.log", old: "10 B", new: "-", change: "removed")))
    #expect(lines.contains(CompareLine(.row, "new.log", old: "-", new: "5 B", change: "added")))
    #expect(harness.state.comparison?.title == "market-analysis #2 ↔ #3")
  }

  @Test func theFirstRunOfATaskHasNothingToCompareWith() {
    var harness = Self.onRuns()
    harness.press(.end)
    harness.press(.compare)
    Self.load(.noPrevious(runRow(1)), into: &harness)
    #expect(harness.state.comparison?.lines.first?.label.hasSuffix("nothing to compare") == true)
    #expect(Self.comparisons(harness.effects).isEmpty)
  }

  @Test func scrollingStaysWithinTheLines() {
    var harness = Self.onRuns()
    harness.press(.compare)
    let metrics = (0..<100).map { Self.summary("m\($0)", last: 1, min: 0, max: 2) }
    Self.load(
      .compared(old: Self.side(2, results: nil, metrics: metrics), new: Self.side(3, results: nil)), into: &harness)
    let count = harness.state.comparison?.lines.count ?? 0
    let rows = harness.state.layout.viewerRows
    harness.press(.end)
    #expect(harness.state.comparison?.top == count - rows)
    harness.press(.pageUp)
    #expect(harness.state.comparison?.top == count - rows - (rows - 1))
    harness.press(.home)
    #expect(harness.state.comparison?.top == 0)
  }

  @Test func aFailedReadOfADocumentIsAskedAgainOnR() throws {
    var harness = Self.onRuns()
    harness.press(.compare)
    Self.load(.compared(old: Self.side(2, results: "{}"), new: Self.side(3, results: "[]")), into: &harness)
    let results = try #require(Self.comparisons(harness.effects).first { $0.document == .results })
    harness.send(.documentsCompared(results, .unreadable(.closed)))
    #expect(harness.state.comparison?.lines.contains { $0.label.hasPrefix("cannot read (r retries)") } == true)
    let effects = harness.press(.refreshNow)
    #expect(Self.comparisons(effects) == [results])
  }

  @Test func longValuesThatBeginAlikeAreShownFromJustBeforeTheyDiffer() {
    let old = #""EV charging network operators in the Nordics, 2026, excluding Iceland""#
    let new = #""EV charging network operators in the Nordics, 2026, including Iceland""#
    let (before, after) = CompareDocument.fromFirstDifference(old, new)
    #expect(before == "…, 2026, excluding Iceland\"")
    #expect(after == "…, 2026, including Iceland\"")
    #expect(CompareDocument.fromFirstDifference("0.6", "0.65") == ("0.6", "0.65"))
    #expect(CompareDocument.fromFirstDifference("-", "{}") == ("-", "{}"))
  }

  @Test func aRangeThatReachedTheBoundSaysItCoversOnlyTheNewestPoints() throws {
    var harness = Self.onRuns()
    harness.press(.compare)
    var long = Self.summary("loss", last: 1, min: 0, max: 2)
    let note = CompareLine(.note, "min and max cover each metric's newest 10,000 points")
    Self.load(
      .compared(old: Self.side(2, results: nil, metrics: [long]), new: Self.side(3, results: nil)), into: &harness)
    #expect(harness.state.comparison?.lines.contains(note) == false)
    long.points = ComparisonQuery.standardPointLimit
    Self.load(
      .compared(old: Self.side(2, results: nil, metrics: [long]), new: Self.side(3, results: nil)), into: &harness)
    #expect(harness.state.comparison?.lines.contains(note) == true)
  }
}

/// Counts calls across tasks.
private actor Counter {
  private(set) var value = 0

  func increment() -> Int {
    value += 1
    return value
  }
}
