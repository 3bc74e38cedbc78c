import TaskDashTestSupport
import TaskDashViewModel

extension DashboardDriver {
  /// Started on a 120×40 terminal laid out as the 2×2 UI would lay it out.
  init(settings: AppSettings = AppSettings()) {
    self.init(layout: gridLayout(120, 40), settings: settings)
  }
}
