import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import TaskDashViewModel

/// The dashboard in each situation the frame tests draw, built from messages only.
enum Scenes {
  /// Data in all four panes; metrics and artifacts are those of the newest run.
  static func main(_ width: Int, _ height: Int) -> DashboardDriver {
    .loaded(width: width, height: height)
  }

  /// Enter on the first task: the runs pane shows that task's runs.
  static func task(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = main(width, height)
    dashboard.press(.drillIn)
    dashboard.loadRuns(marketRuns, at: at(6))
    return dashboard
  }

  /// Enter on the task's newest run: metrics and artifacts are pinned to it.
  static func run(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = task(width, height)
    dashboard.press(.drillIn)
    dashboard.loadMetrics(sampleMetrics, at: at(6))
    dashboard.loadArtifacts(sampleArtifacts, at: at(6))
    return dashboard
  }

  /// `?` over the panes.
  static func help(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = main(width, height)
    dashboard.press(.toggleHelp)
    return dashboard
  }

  /// The artifact at `index` of the sample artifacts open in the viewer.
  static func viewer(_ index: Int, _ width: Int, _ height: Int) -> DashboardDriver {
    let contents = [Array(markdownText.utf8), Array(jsonText.utf8), Array(logText.utf8), binaryContent]
    var dashboard = main(width, height)
    dashboard.open(artifact: index, content: contents[index])
    return dashboard
  }

  /// Started, nothing answered yet.
  static func loading(_ width: Int, _ height: Int) -> DashboardDriver {
    DashboardDriver(width: width, height: height)
  }

  /// A database with no tasks, runs or artifacts.
  static func empty(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = DashboardDriver(width: width, height: height)
    dashboard.loadHealth()
    dashboard.loadTasks([])
    dashboard.loadRuns([])
    dashboard.loadArtifacts([])
    dashboard.send(.tick(at(2)))
    return dashboard
  }

  /// The connection was lost 15 seconds after the data arrived: the third attempt failed and
  /// the next one is due in eight seconds; the rows stay, marked stale.
  static func stale(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = main(width, height)
    let error = StoreError.connection("server closed the connection unexpectedly")
    for slot in [PollSlot.tasks, .runs, .metrics, .artifacts] {
      dashboard.fail(slot, error, attempt: 3, at: at(15), retryIn: 8)
    }
    dashboard.send(.tick(at(18)))
    return dashboard
  }

  /// The first polls were refused at login, with PostgreSQL's advice; the next attempt is a
  /// minute later, two seconds of which have passed.
  static func loginRefused(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = DashboardDriver(width: width, height: height)
    let error = StoreError.authentication(
      #"password authentication failed for user "ops""#,
      remedy: Remedy(action: "check the password", detail: "URL, PGPASSWORD, ~/.pgpass"))
    for slot in [PollSlot.tasks, .runs, .artifacts] {
      dashboard.fail(slot, error, at: at(1), retryIn: 60)
    }
    dashboard.send(.tick(at(3)))
    return dashboard
  }

  /// The database named in the target does not exist; the rows read before it was dropped
  /// stay, marked stale.
  static func unknownDatabase(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = main(width, height)
    let error = StoreError.authentication(
      #"database "taskdash" does not exist"#,
      remedy: Remedy(action: "check the database name", detail: "the URL's path or dbname"))
    for slot in [PollSlot.tasks, .runs, .metrics, .artifacts, .health] {
      dashboard.fail(slot, error, attempt: 2, at: at(15), retryIn: 60)
    }
    dashboard.send(.tick(at(18)))
    return dashboard
  }

  // MARK: - The viewer beyond its first screen

  /// A search typed into the viewer's prompt, not yet run.
  static func viewerSearchTyped(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = viewer(2, width, height)
    dashboard.press(.beginSearch)
    dashboard.type("tool")
    return dashboard
  }

  /// The search run, then `n` to the next match.
  static func viewerSearchNext(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = viewerSearchTyped(width, height)
    dashboard.press(.commitPrompt)
    dashboard.serve(Array(logText.utf8))
    dashboard.press(.nextMatch)
    dashboard.serve(Array(logText.utf8))
    return dashboard
  }

  /// A log of a thousand lines of growing length, paged down twice, with wrapping on.
  static func viewerPagedAndWrapped(_ width: Int, _ height: Int) -> DashboardDriver {
    let content = Array(
      (0..<1_000).map { "line \($0): " + String(repeating: "abcdefghij", count: $0 % 13) + "\n" }.joined().utf8)
    var dashboard = main(width, height)
    dashboard.loadArtifacts([artifactRow(7, name: "long.log", type: .log, length: Int64(content.count))], at: at(5))
    dashboard.open(artifact: 0, content: content)
    dashboard.press(.pageDown, .pageDown, .toggleWrap)
    dashboard.serve(content)
    return dashboard
  }

  /// The first read of the artifact's content failed.
  static func viewerReadFailed(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = main(width, height)
    dashboard.open(artifact: 0, content: nil)
    for case .fetchContent(let request) in dashboard.effects {
      dashboard.send(.contentFailed(request, .connection("server closed the connection")))
    }
    return dashboard
  }

  /// The artifact was deleted while it was open.
  static func viewerVanished(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = viewer(0, width, height)
    dashboard.send(.artifactLoaded(sampleArtifacts[0].id, nil, at: at(6)))
    return dashboard
  }

  // MARK: - Pages

  /// An error message of several sentences, longer than any terminal line.
  static let longError =
    "rate limited by provider (429): the provider refused 3 requests in a row while fetching prices for "
    + "the quarter; the run gave up after its retry budget of 120 seconds. Last response: "
    + "{\"error\":\"too many requests\",\"retry_after_s\":30}"

  /// `d` on sample run `number` in the runs pane, its page answered (after `edit`) and drawn
  /// a second later.
  static func runPage(
    _ number: Int, _ width: Int, _ height: Int, edit: (inout RunPage) -> Void = { _ in }
  ) -> DashboardDriver {
    var dashboard = main(width, height)
    dashboard.press(.focusNext)
    for _ in 0..<(sampleRuns.firstIndex { $0.id == id(1_000 + number) } ?? 0) { dashboard.press(.moveDown) }
    dashboard.press(.openPage)
    if var page = SamplePages.run(id(1_000 + number)) {
      edit(&page)
      dashboard.loadPage(.run(page), at: at(5))
    }
    dashboard.send(.tick(at(6)))
    return dashboard
  }

  /// The failed run #11 with a long error message.
  static func failedRunPage(_ width: Int, _ height: Int) -> DashboardDriver {
    runPage(11, width, height) { page in
      page.errorMessage = DocumentHead(text: longError, byteCount: Int64(longError.utf8.count))
      page.run.errorMessage = longError
    }
  }

  /// `d` on sample task `number` in the tasks pane, its page answered and drawn a second later.
  static func taskPage(_ number: Int, _ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = main(width, height)
    for _ in 0..<(sampleTasks.firstIndex { $0.id == id(number) } ?? 0) { dashboard.press(.moveDown) }
    dashboard.press(.openPage)
    if let page = SamplePages.task(id(number)) { dashboard.loadPage(.task(page), at: at(5)) }
    dashboard.send(.tick(at(6)))
    return dashboard
  }
}
