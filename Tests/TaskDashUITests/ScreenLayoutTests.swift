import Foundation
import TaskDashModel
import TaskDashTestSupport
import TaskDashViewModel
import TerminalUI
import Testing

@testable import TaskDashUI

/// The layout the UI sends the view-model is the layout it draws: each pane's rows are the
/// rows of data on screen, and the viewer's rows those of its text.
@Suite struct ScreenLayoutTests {
  static let sizes = [
    Size(width: 60, height: 16), Size(width: 80, height: 24), Size(width: 120, height: 40),
    Size(width: 203, height: 61),
  ]

  @Test(arguments: sizes)
  func eachPaneShowsAsManyRowsAsTheLayoutSays(_ size: Size) {
    var dashboard = DashboardDriver(width: size.width, height: size.height)
    dashboard.loadTasks((1...500).map { taskRow($0, String(format: "task-%04d", $0)) })
    dashboard.loadRuns(
      (1...500).map { runRow($0, task: 1, taskName: "task-0001", runNumber: 9_000 + $0, status: .completed) })
    let layout = ScreenLayout.paneLayout(for: size)
    #expect(dashboard.state.layout == layout)
    #expect(layout.width == size.width && layout.height == size.height)
    let rows = dashboard.rows
    #expect(rows.filter { $0.contains("┃task-0") }.count == layout.rows(for: .tasks))
    #expect(rows.filter { $0.contains("✓") }.count == layout.rows(for: .runs))
    // PgDn moves by what the pane shows.
    dashboard.press(.pageDown)
    #expect(dashboard.state.tasks.selectedIndex == layout.rows(for: .tasks))
  }

  @Test(arguments: sizes)
  func theViewerShowsAsManyLinesAsTheLayoutSays(_ size: Size) {
    let content = Array((0..<500).map { "line \($0)\n" }.joined().utf8)
    var dashboard = DashboardDriver.loaded(width: size.width, height: size.height)
    dashboard.loadArtifacts([artifactRow(9, name: "long.log", type: .log, length: Int64(content.count))])
    dashboard.open(artifact: 0, content: content)
    let layout = ScreenLayout.paneLayout(for: size)
    #expect(dashboard.rows.filter { $0.hasPrefix("line ") }.count == layout.viewerRows)
    #expect(layout.viewerColumns == size.width)
  }
}
