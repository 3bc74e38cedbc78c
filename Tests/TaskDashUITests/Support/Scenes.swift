import Foundation
import TaskDashStore
import TaskDashViewModel

/// The dashboard in each situation the frame tests draw, built from messages only.
enum Scenes {
  /// Data in all four panes; metrics and artifacts are those of the newest run.
  static func main(_ width: Int, _ height: Int) -> Dashboard {
    .loaded(width: width, height: height)
  }

  /// Enter on the first task: the runs pane shows that task's runs.
  static func task(_ width: Int, _ height: Int) -> Dashboard {
    var dashboard = main(width, height)
    dashboard.press(.drillIn)
    dashboard.loadRuns(marketRuns, at: at(6))
    return dashboard
  }

  /// Enter on the task's newest run: metrics and artifacts are pinned to it.
  static func run(_ width: Int, _ height: Int) -> Dashboard {
    var dashboard = task(width, height)
    dashboard.press(.drillIn)
    dashboard.loadMetrics(sampleMetrics, at: at(6))
    dashboard.loadArtifacts(sampleArtifacts, at: at(6))
    return dashboard
  }

  /// `?` over the panes.
  static func help(_ width: Int, _ height: Int) -> Dashboard {
    var dashboard = main(width, height)
    dashboard.press(.toggleHelp)
    return dashboard
  }

  /// The artifact at `index` of the sample artifacts open in the viewer.
  static func viewer(_ index: Int, _ width: Int, _ height: Int) -> Dashboard {
    let contents = [Array(markdownText.utf8), Array(jsonText.utf8), Array(logText.utf8), binaryContent]
    var dashboard = main(width, height)
    dashboard.open(artifact: index, content: contents[index])
    return dashboard
  }

  /// Started, nothing answered yet.
  static func loading(_ width: Int, _ height: Int) -> Dashboard {
    Dashboard(width: width, height: height)
  }

  /// A database with no tasks, runs or artifacts.
  static func empty(_ width: Int, _ height: Int) -> Dashboard {
    var dashboard = Dashboard(width: width, height: height)
    dashboard.loadHealth()
    dashboard.loadTasks([])
    dashboard.loadRuns([])
    dashboard.loadArtifacts([])
    dashboard.send(.tick(at(2)))
    return dashboard
  }

  /// The connection was lost 15 seconds after the data arrived: the third attempt failed and
  /// the next one is due in eight seconds; the rows stay, marked stale.
  static func stale(_ width: Int, _ height: Int) -> Dashboard {
    var dashboard = main(width, height)
    let error = StoreError.connection("server closed the connection unexpectedly")
    for slot in [PollSlot.tasks, .runs, .metrics, .artifacts] {
      dashboard.fail(slot, error, attempt: 3, at: at(15), retryIn: 8)
    }
    dashboard.send(.tick(at(18)))
    return dashboard
  }

  /// The first poll was refused at login: nothing will be retried.
  static func loginRefused(_ width: Int, _ height: Int) -> Dashboard {
    var dashboard = Dashboard(width: width, height: height)
    let error = StoreError.authentication(#"password authentication failed for user "ops""#)
    for slot in [PollSlot.tasks, .runs, .artifacts] {
      dashboard.fail(slot, error, at: at(1), retryIn: nil)
    }
    return dashboard
  }
}
