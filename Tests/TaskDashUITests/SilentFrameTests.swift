import Foundation
import TaskDashModel
import TaskDashTestSupport
import TaskDashViewModel
import TerminalUI
import Testing

@testable import TaskDashUI

/// Silent runs on screen: marked where the status shows, counted apart on the tasks pane, and
/// dated on the run's page; the pane scenes assert the rows they change from the main screen.
@Suite struct SilentFrameTests {
  /// Run #12 of `market-analysis` last logged 12 minutes before the data arrived, at a pace of
  /// one snapshot per 20 seconds; the task counts it apart from two healthy running runs.
  static func silent(_ width: Int, _ height: Int, seconds: Double = 5) -> DashboardDriver {
    var dashboard = Scenes.main(width, height)
    var tasks = sampleTasks
    tasks[0].runningNow = 3
    tasks[0].silentNow = 1
    var runs = sampleRuns
    runs[0].activity = RunActivity(lastSignAt: at(-720), medianInterval: 20)
    dashboard.loadTasks(tasks)
    dashboard.loadRuns(runs)
    dashboard.send(.tick(at(seconds)))
    return dashboard
  }

  /// Run #12's page with its last sign `ago` seconds before the data.
  static func page(lastSignAgo ago: Double) -> DashboardDriver {
    Scenes.runPage(12, 80, 24) { $0.run.activity = RunActivity(lastSignAt: at(-ago), medianInterval: 20) }
  }

  @Test func aSilentRunShowsSilentAndItsQuietTimeWhereTheStatusShowsAt120By40() {
    #expect(
      Self.silent(120, 40).changedRows(from: Scenes.main(120, 40)) == [
        4:
          "┃market-analysis      ● running      12  75% 2+1!       47s┃│  #12 market-analysis silent 12m       47s     47s        │"
      ])
  }

  @Test func aCompactRunsPaneShowsTheSilentSymbolAndTheQuietTimeInTheErrorColumnAt80By24() {
    #expect(
      Self.silent(80, 24).changedRows(from: Scenes.main(80, 24)) == [
        4: "┃market-analys… ●   12  75% 2+1!    47s┃│  #12 market-ana… ◌    47s silent 12m │"
      ])
  }

  @Test func theQuietTimeKeepsCountingBetweenPolls() {
    let later = Self.silent(120, 40, seconds: 125)
    #expect(later.rows[4].contains("#12 market-analysis silent 14m"))
  }

  @Test func theMarkAndTheCountKeepADistinctLookWithoutColour() {
    // Off the selected rows, whose selection look covers every cell.
    var dashboard = Self.silent(120, 40)
    dashboard.press(.moveDown, .focusNext, .moveDown)
    let buffer = dashboard.buffer(theme: .monochrome)
    let row = buffer.rows[4]
    let status = try! #require(row.range(of: "silent 12m"))
    let x = row.distance(from: row.startIndex, to: status.lowerBound)
    #expect(buffer[x, 4].style == Theme.monochrome.silent)
    let live = try! #require(row.range(of: "2+1!"))
    #expect(buffer[row.distance(from: row.startIndex, to: live.lowerBound), 4].style == Theme.monochrome.silent)
    #expect(Theme.monochrome.silent != Theme.monochrome.look(Lenient<RunStatus>.known(.running)).style)
    #expect(!Theme.monochrome.usesColor)
  }

  @Test func theRunsPageSaysSinceWhenARunIsSilent() {
    #expect(Self.page(lastSignAgo: 720).rows[8] == padded(" Activity      silent since 2026-11-25T09:48:00Z (12m06s)"))
    #expect(Self.page(lastSignAgo: 30).rows[8] == padded(" Activity      last sign 36s ago · silent after 5m00s"))
  }

  private func padded(_ text: String) -> String {
    text + String(repeating: " ", count: 80 - TerminalText.displayWidth(text))
  }
}
