import Foundation
import TaskDashModel
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// The lines of a run's page, as the screen and `snapshot --run` show them.
@Suite struct PageDocumentTests {
  static func page(
    error: DocumentHead? = nil, plan: DocumentHead? = nil, results: DocumentHead? = nil
  ) -> PageContent {
    .run(
      RunPage(
        run: runRow(3, status: .failed, duration: 12), updatedAt: t0, errorMessage: error, errorDetails: nil,
        plan: plan, results: results, metrics: [series("tokens", [1, 5])], artifacts: [artifactRow(1)],
        previousRunID: nil, nextRunID: nil))
  }

  static func whole(_ text: String) -> DocumentHead {
    DocumentHead(text: text, byteCount: Int64(text.utf8.count))
  }

  static func section(_ title: String, of lines: [PageLine]) -> [PageLine] {
    guard let start = lines.firstIndex(where: { $0.role == .heading && $0.text == title }) else { return [] }
    let rest = lines[(start + 1)...]
    return Array(rest.prefix { $0.role != .heading })
  }

  @Test func aWholeJSONDocumentIsShownPrettyAndAnAbsentOneSaysNone() {
    let lines = PageDocument.lines(for: Self.page(plan: Self.whole(#"{"steps":["a",{"b":1}]}"#)), now: t0)
    #expect(
      Self.section("Plan", of: lines).map(\.text) == [
        "{", #"  "steps": ["#, #"    "a","#, "    {", #"      "b": 1"#, "    }", "  ]", "}",
      ])
    #expect(Self.section("Results", of: lines).map(\.text) == ["none"])
  }

  @Test func aHeadOfALongerDocumentSaysHowMuchOfItIsShown() {
    let head = DocumentHead(text: #"{"rows": [1, 2"#, byteCount: 10 * 1_048_576)
    let results = Self.section("Results", of: PageDocument.lines(for: Self.page(results: head), now: t0))
    #expect(results.first?.text == #"{"rows": [1, 2"#, "a cut JSON document is shown as the text it is")
    #expect(
      results.last == PageLine(.note, "… the first 14 B of 10.0 MB shown · Enter reads it all", document: .results))
    #expect(results.allSatisfy { $0.document == .results }, "each line of the section knows its document")
  }

  @Test func theClockDrivenPartsOfAPageAreRedoneAndNothingElse() {
    var draft = Self.page(results: nil)
    let started = t0.addingTimeInterval(-250)
    if case .run(var page) = draft {
      page.run.startedAt = started
      page.run.completedAt = nil
      page.run.duration = nil
      draft = .run(page)
    }
    let built = PageDocument.lines(for: draft)
    let later = t0.addingTimeInterval(3_600)
    let now = built.map { $0.at(t0) }
    let then = built.map { $0.at(later) }
    #expect(now == PageDocument.lines(for: draft, now: t0))
    #expect(now.first { $0.role == .field(label: "Duration    ") }?.text == "4m10s so far")
    #expect(then.first { $0.role == .field(label: "Duration    ") }?.text == "1h04m so far")
    let changed = zip(now, then).filter { $0 != $1 }.map(\.0.role)
    #expect(
      changed == [.field(label: "Started     "), .field(label: "Duration    "), .field(label: "Updated     ")],
      "only the ages and the running duration move with the clock")
  }

  @Test func aLineLongerThanAScreenCanHoldIsSplitSoThatScrollingReachesAllOfIt() {
    let long = String(repeating: "x", count: PageDocument.longestLine * 2 + 10)
    let error = Self.section("Error message", of: PageDocument.lines(for: Self.page(error: Self.whole(long)), now: t0))
    #expect(error.map(\.text.count) == [PageDocument.longestLine, PageDocument.longestLine, 10])
    #expect(error.allSatisfy { $0.role == .error })
    #expect(error.map(\.text).joined() == long)
  }

  @Test func aMissingRunOrTaskSaysItNoLongerExists() {
    #expect(PageDocument.lines(for: .missing, now: t0) == [PageLine(.note, "It no longer exists.")])
  }

  @Test func countersThatDisagreeWithTheRowsAreShownBesideThemAndAgreeingOnesAreNot() {
    func lines(counters: (total: Int, ok: Int, failed: Int)) -> [PageLine] {
      let counts = [
        StatusCount(status: .known(.completed), count: 9), StatusCount(status: .known(.failed), count: 3),
        StatusCount(status: .known(.timeout), count: 1), StatusCount(status: .unknown("PAUSED_BY_OPERATOR"), count: 1),
      ]
      let page = TaskPage(
        task: taskRow(1, "ingest", runs: counters), runsByStatus: counts, durations: nil, latestFailure: nil,
        previousTaskID: nil, nextTaskID: nil)
      return PageDocument.lines(for: .task(page), now: t0)
    }
    let stale = lines(counters: (12, 9, 3))
    #expect(stale.contains(PageLine(.error, "counters say 12 runs, 14 rows · 3 failed, 4 rows")))
    let agreeing = lines(counters: (14, 9, 4))
    #expect(!agreeing.contains { $0.text.hasPrefix("counters say") })
  }
}
