import TaskDashTestSupport
import TaskDashUI
import TaskDashViewModel
import TerminalUI

/// The shared message driver, sized like a terminal and drawn on demand: what the frame tests
/// add to it.
extension DashboardDriver {
  /// Started on a `width` × `height` terminal at `t0`; no data has arrived.
  init(width: Int, height: Int, settings: AppSettings = AppSettings()) {
    self.init(layout: ScreenLayout.paneLayout(for: Size(width: width, height: height)), settings: settings)
  }

  /// Started and showing the sample data in all four panes, drawn five seconds after it
  /// arrived.
  static func loaded(width: Int, height: Int) -> DashboardDriver {
    var dashboard = DashboardDriver(width: width, height: height)
    dashboard.loadHealth()
    dashboard.loadTasks(sampleTasks)
    dashboard.loadRuns(sampleRuns)
    dashboard.loadMetrics(sampleMetrics)
    dashboard.loadArtifacts(sampleArtifacts)
    dashboard.send(.tick(at(5)))
    return dashboard
  }

  /// The frame at the state's terminal size.
  func buffer(theme: Theme = .monochrome, target: String = "sqlite:demo.sqlite") -> Buffer {
    DashboardScreen.render(
      state, target: target, theme: theme, size: Size(width: state.width, height: state.height))
  }

  /// The frame's text rows.
  var rows: [String] { buffer().rows }

  /// The rows of this frame that differ from `base`'s frame, by row number: what a scene
  /// changes. Both are drawn at this dashboard's size.
  func changedRows(from base: DashboardDriver) -> [Int: String] {
    let theirs = base.rows
    var changed: [Int: String] = [:]
    for (index, row) in rows.enumerated() where index >= theirs.count || theirs[index] != row {
      changed[index] = row
    }
    return changed
  }
}
