import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// The stack of screens over the panes: what d, Esc and ? push and pop, what the breadcrumb
/// says, and what each screen polls.
@Suite struct ScreenStackTests {
  static let paneSlots: Set<PollSlot> = [.tasks, .runs, .metrics, .artifacts]

  static func runPage(_ number: Int, previous: Int? = nil, next: Int? = nil) -> RunPage {
    RunPage(
      run: runRow(number, status: .failed, error: "boom"), updatedAt: t0,
      errorMessage: DocumentHead(text: "boom", byteCount: 4), errorDetails: nil, plan: nil, results: nil,
      metrics: [], artifacts: [], previousRunID: previous.map { id(1_000 + $0) },
      nextRunID: next.map { id(1_000 + $0) })
  }

  static func started(_ slots: [Effect]) -> [PollRequest] {
    slots.compactMap { if case .startPoll(let request) = $0 { request } else { nil } }
  }

  static func stopped(_ slots: [Effect]) -> Set<PollSlot> {
    Set(slots.compactMap { if case .stopPoll(let slot) = $0 { slot } else { nil } })
  }

  /// A harness with two runs in the runs pane, focused there.
  static func onRuns() -> DashboardDriver {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "market-analysis")])
    harness.loadRuns([runRow(2), runRow(1)])
    harness.press(.focusNext)
    return harness
  }

  @Test func dOnARunPushesItsPageWhichPollsOnlyItselfAndTheHeader() {
    var harness = Self.onRuns()
    #expect(harness.state.polled.isSuperset(of: Self.paneSlots))

    harness.press(.openPage)
    #expect(harness.state.stack == [.page(PageState(subject: .run(id(1_002))))])
    #expect(harness.state.inputMode == .page)
    let limit = AppSettings().pageDocumentLimit
    #expect(Self.started(harness.effects) == [.runPage(id: id(1_002), documentLimit: limit)])
    #expect(Self.stopped(harness.effects) == Self.paneSlots)
    #expect(harness.state.polled == [.page, .health])
    #expect(harness.state.breadcrumb == ["Tasks", "run"], "before its data the page is named by its kind")

    harness.loadPage(.run(Self.runPage(2)))
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis #2"])
  }

  @Test func escPopsThePageAndThePanesPollAgainWithTheRequestsTheyHad() {
    var harness = Self.onRuns()
    let before = harness.state.requests
    harness.press(.openPage)
    harness.press(.back)
    #expect(harness.state.stack.isEmpty)
    #expect(harness.state.inputMode == .panes)
    #expect(Self.stopped(harness.effects) == [.page])
    let restarted = Self.started(harness.effects)
    for slot in Self.paneSlots {
      if let request = before[slot] { #expect(restarted.contains(request), "\(slot) polls again") }
    }
    #expect(harness.state.polled.isSuperset(of: [.tasks, .runs, .health]))
    #expect(!harness.state.polled.contains(.page))
  }

  @Test func dOnATaskOpensTheTasksPageAndBracketsWalkTheNeighbours() {
    var harness = DashboardDriver()
    harness.loadTasks([taskRow(1, "market-analysis"), taskRow(2, "code-review")])
    harness.press(.openPage)
    let runs = AppSettings().pageDurationRuns
    #expect(Self.started(harness.effects) == [.taskPage(id: id(1), durationRuns: runs)])
    let page = TaskPage(
      task: taskRow(1, "market-analysis"), runsByStatus: [], durations: nil, latestFailure: nil,
      previousTaskID: nil, nextTaskID: id(2))
    harness.loadPage(.task(page))
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis"])

    harness.press(.previousItem)
    #expect(harness.state.page?.subject == .task(id(1)), "no task before the first: [ stays")
    #expect(harness.effects.isEmpty)
    harness.press(.nextItem)
    #expect(harness.state.page?.subject == .task(id(2)))
    #expect(Self.started(harness.effects) == [.taskPage(id: id(2), durationRuns: runs)])
    #expect(harness.state.stack.count == 1, "] replaces the page instead of stacking another")
  }

  @Test func bracketsOnARunsPageStepThroughTheRunsOfTheTaskFromTheTop() {
    var harness = Self.onRuns()
    harness.press(.openPage)
    harness.loadPage(.run(Self.runPage(2, previous: 1)))
    harness.press(.end)
    #expect(harness.state.page?.top ?? 0 >= 0)

    harness.press(.previousItem)
    #expect(harness.state.page?.subject == .run(id(1_001)))
    #expect(harness.state.page?.top == 0)
    let limit = AppSettings().pageDocumentLimit
    #expect(Self.started(harness.effects) == [.runPage(id: id(1_001), documentLimit: limit)])
    // An answer for the run that was left is not taken for the new one.
    harness.send(.loaded(.page(.runPage(id: id(1_002), documentLimit: limit), .run(Self.runPage(2))), at: t0))
    if case .run(let shown)? = harness.state.page?.data.value {
      #expect(shown.run.id == id(1_002), "the old data stays until the new arrives")
    }
    harness.loadPage(.run(Self.runPage(1, next: 2)))
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis #1"])
  }

  @Test func enterOnARunsPageReadsTheDocumentShownInPartInTheViewerToItsEnd() throws {
    var harness = Self.onRuns()
    harness.press(.openPage)
    var page = Self.runPage(2)
    let whole = Array(("{\"blob\": \"" + String(repeating: "0", count: 3_000_000) + "\"}").utf8)
    page.results = DocumentHead(
      text: String(decoding: whole.prefix(1_000), as: UTF8.self), byteCount: Int64(whole.count))
    harness.loadPage(.run(page))

    let effects = harness.press(.drillIn)
    guard case .viewer(let viewer)? = harness.state.stack.last else {
      Issue.record("Enter on a page with a document shown in part opens the viewer")
      return
    }
    #expect(viewer.subject == .document(.results, runID: id(1_002), title: "market-analysis #2", length: 3_000_012))
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis #2", "Results of market-analysis #2"])
    #expect(harness.state.polled == [.health], "the viewer polls no page")
    let requests = contentRequests(effects)
    #expect(!requests.isEmpty && requests.allSatisfy { $0.source == .run(id(1_002), .results) })
    #expect(requests.map(\.length).max() ?? 0 < whole.count, "read in windows, not whole")
    harness.serve(whole)
    harness.press(.end)
    harness.serve(whole)
    let shown = try #require(harness.state.viewer?.lines(rows: harness.state.layout.viewerRows, columns: 100))
    #expect(
      shown.last.map { String(decoding: $0.bytes, as: UTF8.self) }?.hasSuffix("0\"}") == true, "G reaches the end")

    harness.press(.back)
    #expect(harness.state.page != nil && harness.state.polled == [.page, .health], "Esc returns to the live page")
  }

  @Test func enterOnARunsPageWithEveryDocumentWholeOpensTheFirstOnScreen() {
    var harness = Self.onRuns()
    harness.press(.openPage)
    harness.loadPage(.run(Self.runPage(2)))
    harness.press(.drillIn)
    #expect(harness.state.viewer?.subject.source == .run(id(1_002), .errorMessage))

    var onTasks = DashboardDriver()
    onTasks.loadTasks([taskRow(1, "market-analysis")])
    onTasks.press(.openPage)
    let page = TaskPage(
      task: taskRow(1, "market-analysis"), runsByStatus: [], durations: nil, latestFailure: nil,
      previousTaskID: nil, nextTaskID: nil)
    onTasks.loadPage(.task(page))
    onTasks.press(.drillIn)
    #expect(onTasks.state.viewer == nil && onTasks.state.stack.count == 1, "a task's page has no run document")
  }

  @Test func helpOverAPageKeepsThePagePollingAndEscReturnsToThePage() {
    var harness = Self.onRuns()
    harness.press(.openPage)
    harness.loadPage(.run(Self.runPage(2)))
    harness.press(.toggleHelp)
    #expect(harness.state.showsHelp)
    #expect(harness.state.stack.count == 2)
    #expect(harness.state.inputMode == .help)
    #expect(harness.state.breadcrumb == ["Tasks", "market-analysis #2"], "help is an overlay, not a level")
    #expect(harness.state.polled == [.page, .health], "the page under help stays live")
    #expect(harness.effects.isEmpty)

    harness.press(.back)
    #expect(harness.state.inputMode == .page)
    #expect(harness.state.polled == [.page, .health])
  }

  @Test func theViewerPollsNoPaneAndEscGivesThePanesBack() {
    var harness = Self.onRuns()
    harness.press(.drillIn)
    harness.loadArtifacts([artifactRow(1, name: "agent.log")])
    harness.press(.drillIn)
    #expect(harness.state.inputMode == .viewer)
    #expect(harness.state.breadcrumb.last == "agent.log")
    #expect(harness.state.polled == [.health])
    harness.press(.back)
    #expect(harness.state.polled.isSuperset(of: Self.paneSlots))
  }

  @Test func aResizeWithThreeScreensStackedKeepsTheStackAndItsPolls() {
    var harness = Self.onRuns()
    harness.press(.openPage)
    let long = (0..<200).map { "line \($0)" }.joined(separator: "\n")
    var page = Self.runPage(2)
    page.errorMessage = DocumentHead(text: long, byteCount: Int64(long.utf8.count))
    harness.loadPage(.run(page))
    harness.press(.end)
    let bottom = harness.state.page?.top ?? 0
    #expect(bottom > 0)
    harness.press(.toggleHelp)
    #expect(harness.state.stack.count == 2, "panes, page and help: three screens")

    let effects = harness.send(.layout(gridLayout(80, 24)))
    #expect(Self.started(effects).isEmpty && Self.stopped(effects).isEmpty, "a resize changes no poll")
    #expect(harness.state.stack.count == 2)
    #expect(harness.state.inputMode == .help)
    #expect(harness.state.polled == [.page, .health])
    harness.press(.back)
    harness.send(.layout(gridLayout(200, 60)))
    #expect(harness.state.page.map { $0.top <= bottom } == true, "a taller screen shows more, never past the end")
    harness.press(.back)
    #expect(harness.state.stack.isEmpty)
    #expect(harness.state.polled.isSuperset(of: Self.paneSlots))
  }

  @Test func aFailedPagePollKeepsTheDataMarkedStale() throws {
    var harness = Self.onRuns()
    harness.press(.openPage)
    harness.loadPage(.run(Self.runPage(2)))
    let request = try #require(harness.state.requests[.page])
    harness.send(.failed(request, LoadFailure(error: .connection("gone"), attempt: 1, at: t0, retryAt: nil)))
    #expect(harness.state.page?.data.value != nil)
    #expect(harness.state.page?.data.isStale == true)
  }

  @Test func aRunThatNoLongerExistsSaysSoInsteadOfLoadingForever() {
    var harness = Self.onRuns()
    harness.press(.openPage)
    harness.loadPage(.missing)
    #expect(harness.state.page?.data.value == .missing)
    let lines = harness.state.page?.lines(at: t0) ?? []
    #expect(lines.contains { $0.text.contains("no longer exists") })
  }
}
