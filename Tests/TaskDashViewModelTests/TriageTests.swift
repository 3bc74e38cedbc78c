import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// Failure triage as a conversation: `E` opens it, `t` changes the window, Enter goes to a
/// group's runs and on to a run's page, Esc comes back one screen at a time, and only the
/// screen in view polls.
@Suite struct TriageTests {
  static func group(_ pattern: String, count: Int, tasks: [String] = ["market-analysis"]) -> FailureGroup {
    FailureGroup(
      pattern: pattern, count: count, taskCount: tasks.count, taskNames: tasks, firstSeen: at(-3_600),
      lastSeen: at(-60), example: pattern.replacingOccurrences(of: "#", with: "42"), exampleLength: pattern.count)
  }

  static let timeout = group("Timeout after #s", count: 12, tasks: ["market-analysis", "code-review"])
  static let http = group("HTTP # from upstream", count: 5)

  static func started(_ effects: [Effect]) -> [PollRequest] {
    effects.compactMap { if case .startPoll(let request) = $0 { request } else { nil } }
  }

  static func stopped(_ effects: [Effect]) -> Set<PollSlot> {
    Set(effects.compactMap { if case .stopPoll(let slot) = $0 { slot } else { nil } })
  }

  /// A 120×40 dashboard whose full-screen lists show 20 rows.
  static func driver(settings: AppSettings = AppSettings()) -> DashboardDriver {
    var layout = gridLayout(120, 40)
    layout.listRows = 20
    var driver = DashboardDriver(layout: layout, settings: settings)
    driver.loadTasks([taskRow(1, "market-analysis")])
    driver.loadRuns([runRow(1, status: .failed, error: "Timeout after 30s")])
    return driver
  }

  /// Answers triage's current query with `groups`, `failures` failures read.
  static func load(_ groups: [FailureGroup], failures: Int, into driver: inout DashboardDriver, at date: Date = t0) {
    guard case .failureGroups(let query)? = driver.state.requests[.triage] else { return }
    driver.send(
      .loaded(.failureGroups(query, FailureGroups(groups: groups, failures: failures, cap: query.cap)), at: date))
  }

  @Test func eOpensTriageOverTheLastDayWhichAloneWithTheHeaderPolls() {
    var driver = Self.driver()
    driver.press(.openTriage)
    #expect(driver.state.inputMode == .triage)
    #expect(driver.state.breadcrumb == ["Tasks", "Failures"])
    let query = FailureGroupQuery(window: .day, cap: 10_000, limit: AppSettings().triageGroupLimit)
    #expect(Self.started(driver.effects) == [.failureGroups(query)])
    #expect(Self.stopped(driver.effects) == [.tasks, .runs, .metrics, .artifacts])
    #expect(driver.state.polled == [.triage, .health])

    Self.load([Self.timeout, Self.http], failures: 17, into: &driver)
    #expect(driver.state.triage?.groups.rows.map(\.pattern) == ["Timeout after #s", "HTTP # from upstream"])
    #expect(driver.state.triage?.failures == 17)
    #expect(driver.state.triage?.isCapped == false)
  }

  @Test func theSelectionStaysOnItsPatternWhenANewGroupComesFirst() {
    var driver = Self.driver()
    driver.press(.openTriage)
    Self.load([Self.timeout, Self.http], failures: 17, into: &driver)
    driver.press(.moveDown)
    #expect(driver.state.triage?.groups.selectedRow?.pattern == "HTTP # from upstream")
    let burst = Self.group("disk full on /dev/sda#", count: 40)
    Self.load([burst, Self.timeout, Self.http], failures: 57, into: &driver, at: at(1))
    #expect(driver.state.triage?.groups.selectedRow?.pattern == "HTTP # from upstream")
    #expect(driver.state.triage?.groups.selectedIndex == 2)
  }

  @Test func tStepsTheWindowAndEachWindowIsItsOwnPoll() {
    var driver = Self.driver()
    driver.press(.openTriage)
    Self.load([Self.timeout], failures: 12, into: &driver)
    var windows: [FailureWindow] = []
    for _ in 0..<3 {
      driver.press(.cycleWindow)
      for case .failureGroups(let query) in Self.started(driver.effects) { windows.append(query.window) }
      // The old window's groups stay on screen until the new window's arrive.
      #expect(driver.state.triage?.groups.rows.map(\.pattern) == ["Timeout after #s"])
    }
    #expect(windows == [.week, .all, .day])
  }

  @Test func aCappedReadSaysSoAndAFailedPollKeepsTheGroupsMarkedStale() {
    var driver = Self.driver()
    driver.press(.openTriage)
    Self.load([Self.timeout], failures: 10_000, into: &driver)
    #expect(driver.state.triage?.isCapped == true)
    driver.fail(.triage, .query(sqlState: "57014", message: "canceling statement due to statement timeout"), at: at(5))
    #expect(driver.state.triage?.groups.data.isStale == true)
    #expect(driver.state.triage?.groups.rows.map(\.pattern) == ["Timeout after #s"])
    Self.load([Self.timeout], failures: 10_000, into: &driver, at: at(6))
    #expect(driver.state.triage?.groups.data.isStale == false)
  }

  @Test func enterListsAGroupsRunsAndEnterAgainOpensARunsPageEscComesBackOneScreenAtATime() {
    var driver = Self.driver()
    driver.press(.openTriage)
    let triageRequest = driver.state.requests[.triage]
    Self.load([Self.timeout, Self.http], failures: 17, into: &driver)

    driver.press(.drillIn)
    #expect(driver.state.inputMode == .failureRuns)
    #expect(driver.state.breadcrumb == ["Tasks", "Failures", "Timeout after #s"])
    let runsQuery = FailureRunQuery(
      window: .day, pattern: "Timeout after #s", cap: 10_000, limit: AppSettings().runLimit)
    #expect(Self.started(driver.effects) == [.failureRuns(runsQuery)])
    #expect(Self.stopped(driver.effects) == [.triage])
    #expect(driver.state.polled == [.failureRuns, .health])
    let runs = [
      runRow(7, status: .failed, error: "Timeout after 30s"), runRow(3, status: .timeout, error: "Timeout after 9s"),
    ]
    driver.send(.loaded(.failureRuns(runsQuery, runs), at: t0))
    driver.press(.moveDown)
    #expect(driver.state.failureRuns?.runs.selectedRow?.id == id(1_003))

    driver.press(.drillIn)
    #expect(driver.state.page?.subject == .run(id(1_003)))
    #expect(driver.state.polled == [.page, .health])

    driver.press(.back)
    #expect(driver.state.inputMode == .failureRuns)
    #expect(Self.started(driver.effects) == [.failureRuns(runsQuery)])
    #expect(driver.state.failureRuns?.runs.selectedRow?.id == id(1_003), "the cursor is where it was")

    driver.press(.back)
    #expect(driver.state.inputMode == .triage)
    #expect(Self.started(driver.effects).map(\.slot) == [.triage])
    #expect(driver.state.requests[.triage] == triageRequest)
    #expect(driver.state.requests[.failureRuns] == nil)

    driver.press(.back)
    #expect(driver.state.inputMode == .panes)
    #expect(driver.state.polled.isSuperset(of: [.tasks, .runs]))
    #expect(driver.state.requests[.triage] == nil)
  }

  @Test func reachingTheEndOfAFullListOfRunsReadsAPageMoreKeepingTheCursor() {
    var driver = Self.driver(settings: AppSettings(runLimit: 3))
    driver.press(.openTriage)
    Self.load([Self.timeout], failures: 12, into: &driver)
    driver.press(.drillIn)
    let first = FailureRunQuery(window: .day, pattern: "Timeout after #s", cap: 10_000, limit: 3)
    #expect(driver.state.requests[.failureRuns] == .failureRuns(first))
    driver.send(.loaded(.failureRuns(first, (1...3).map { runRow($0, status: .failed) }), at: t0))
    driver.press(.moveDown)
    #expect(driver.state.requests[.failureRuns] == .failureRuns(first), "not at the end yet")
    driver.press(.moveDown)
    var second = first
    second.limit = 6
    #expect(Self.started(driver.effects) == [.failureRuns(second)])
    driver.send(.loaded(.failureRuns(second, (1...5).map { runRow($0, status: .failed) }), at: t0))
    #expect(driver.state.failureRuns?.runs.selectedRow?.id == id(1_003))
    driver.press(.end)
    #expect(driver.state.requests[.failureRuns] == .failureRuns(second), "a short page is the whole group")
  }

  @Test func enterOnAnEmptyTriageDoesNothingAndEOnAPageOpensTriageOverIt() {
    var driver = Self.driver()
    driver.press(.openTriage)
    Self.load([], failures: 0, into: &driver)
    driver.press(.drillIn)
    #expect(driver.state.inputMode == .triage)
    driver.press(.back)

    driver.press(.focusNext, .openPage)
    #expect(driver.state.inputMode == .page)
    driver.press(.openTriage)
    #expect(driver.state.inputMode == .triage)
    #expect(driver.state.breadcrumb == ["Tasks", "run", "Failures"])
  }
}
