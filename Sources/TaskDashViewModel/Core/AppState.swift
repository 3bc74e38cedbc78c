import Foundation
import TaskDashModel
import TaskDashStore

/// Everything the dashboard shows, in one value; only `update(_:_:)` changes it.
public struct AppState: Equatable, Sendable {
  /// Page sizes, interval steps and viewer limits.
  public let settings: AppSettings

  // MARK: - Panes

  /// Tasks with their counters (all tasks, filtered and sorted by the store).
  public internal(set) var tasks = PaneState<TaskRow>()
  /// Runs: all runs at the top level, the drilled task's runs below it.
  public internal(set) var runs = PaneState<RunRow>()
  /// The metrics of the drilled or selected run (or the drilled task when it has no runs).
  public internal(set) var metrics = PaneState<MetricSeries>(data: .idle)
  /// The artifacts of the drilled or selected run (or task; all artifacts at the top level
  /// when there is no run).
  public internal(set) var artifacts = PaneState<ArtifactRow>(data: .idle)
  /// The pane that motion, filter, sort and Enter act on.
  public internal(set) var focus = PaneID.tasks
  /// How far the operator drilled in, outermost first.
  public internal(set) var levels: [DrillLevel] = []

  // MARK: - Screens

  /// The screens above the panes, bottom first: pages, the viewer, help.
  public internal(set) var stack: [Screen] = []
  /// The open prompt (filter or search) of the top screen, if any.
  public internal(set) var prompt: Prompt?

  // MARK: - Polling and connection

  /// Whether polling is paused (data still loads when navigation needs it).
  public internal(set) var isPaused = false
  /// The time between polls.
  public internal(set) var interval: Duration
  /// Connection status, round trip and versions for the header.
  public internal(set) var connection = ConnectionState()
  /// When a pane's poll last succeeded.
  public internal(set) var lastRefresh: Date?
  /// The latest time the state heard of (from ticks and polls).
  public internal(set) var now: Date
  /// The request each slot's data answers, polled or not.
  public internal(set) var requests: [PollSlot: PollRequest] = [:]
  /// The slots whose request is polled: those the screens in view show.
  public internal(set) var polled: Set<PollSlot> = []
  /// Whether `.start` was received (nothing polls before).
  public internal(set) var isStarted = false
  /// Whether failed, timed-out and silent runs ring the bell, and which already did.
  public internal(set) var alerts = AlertWatch()
  /// Whether the operator quit; the UI leaves its loop.
  public internal(set) var isQuitting = false

  // MARK: - Comparison

  /// The runs marked (space in the runs pane) for `c`, in the order marked.
  public internal(set) var markedRuns: [UUID] = []
  /// A one-line hint for the key bar, until the next key (`c` with other than two marked).
  public internal(set) var hint: String?
  /// The `e` list of environments, while it is open (it takes the keys).
  public internal(set) var environmentPicker: EnvironmentPicker?
  /// The environment the operator chose to switch to; the loop opens it and starts over with
  /// a new state, or reports why it could not (`Message.environmentFailed`).
  public internal(set) var requestedEnvironment: String?

  // MARK: - Push

  /// Whether the reader's session listens for changes, so polling slows to the safety interval.
  public internal(set) var isPushed = false

  // MARK: - Screen

  /// The terminal's width in cells.
  public var width: Int { layout.width }
  /// The terminal's height in cells.
  public var height: Int { layout.height }
  /// Rows per pane and viewer size.
  public internal(set) var layout = PaneLayout(width: 0, height: 0, paneRows: [:], viewerRows: 0, viewerColumns: 0)

  /// Creates the state of a dashboard that has not started.
  public init(settings: AppSettings = AppSettings(), now: Date) {
    self.settings = settings
    self.interval = settings.initialInterval
    self.now = now
    tasks = PaneState(sort: settings.initialSorts.tasks)
    runs = PaneState(sort: settings.initialSorts.runs)
    metrics = PaneState(data: .idle, sort: settings.initialSorts.metrics)
    artifacts = PaneState(data: .idle, sort: settings.initialSorts.artifacts)
    if settings.alerts { alerts.switchOn(at: now) }
  }

  /// Which key table applies.
  public var inputMode: InputMode {
    if showsHelp { return .help }
    if prompt != nil { return .prompt }
    if environmentPicker != nil { return .environments }
    switch stack.last {
    case .viewer: return .viewer
    case .page: return .page
    case .help, nil: return .panes
    case .chart: return .chart
    case .triage: return .triage
    case .failureRuns: return .failureRuns
    case .compare: return .compare
    }
  }

  /// Whether the help overlay is on top.
  public var showsHelp: Bool { stack.last == .help }

  /// The artifact viewer, when it is the screen in view (under help, if that is open).
  public var viewer: ViewerState? {
    if case .viewer(let viewer) = screenInView { return viewer }
    return nil
  }

  /// The page in view (under help, if that is open).
  public var page: PageState? {
    if case .page(let page) = screenInView { return page }
    return nil
  }

  /// The top screen that is not an overlay; nil when the panes are in view.
  public var screenInView: Screen? {
    stack.last { $0 != .help }
  }

  /// Where the operator is: "Tasks", the drilled task and run, then each screen on the stack.
  ///
  /// Names come from the database: they are sanitized when drawn, like all data.
  public var breadcrumb: [String] {
    ["Tasks"] + levels.map(\.title) + stack.compactMap(\.title)
  }

  /// Time since a pane's poll last succeeded, at `now`; nil before the first success.
  public var refreshAge: Duration? {
    lastRefresh.map { max(.zero, now.duration(since: $0)) }
  }

  /// The task the runs pane is scoped to.
  public var drilledTaskID: UUID? {
    for level in levels {
      if case .task(let id, _) = level { return id }
    }
    return nil
  }

  /// The run the metrics and artifacts panes are pinned to.
  public var drilledRunID: UUID? {
    for level in levels {
      if case .run(let id, _, _) = level { return id }
    }
    return nil
  }
}
