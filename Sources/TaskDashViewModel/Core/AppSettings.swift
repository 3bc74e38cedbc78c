import TaskDashStore

/// Fixed parameters of the view-model: page sizes, interval steps, viewer limits.
public struct AppSettings: Hashable, Sendable {
  /// Tasks per poll.
  public var taskLimit: Int
  /// Runs per poll (the newest ones).
  public var runLimit: Int
  /// Artifacts per poll (the newest ones).
  public var artifactLimit: Int
  /// Points per metric series (the sparkline's width).
  public var metricPoints: Int
  /// Metric series per poll.
  public var maxMetricSeries: Int
  /// The refresh intervals `faster` and `slower` step through, shortest first.
  public var intervalSteps: [Duration]
  /// The interval at start.
  public var initialInterval: Duration
  /// The artifact viewer's window, cache and limits.
  public var viewer: ViewerConfig
  /// The most characters of each document (plan, results, error) a page reads.
  public var pageDocumentLimit: Int
  /// How many of a task's latest completed runs its page's duration figures cover.
  public var pageDurationRuns: Int
  /// Whether alerts are on at start (`--notify`).
  public var alerts: Bool
  /// The most failed runs one watch poll reads.
  public var alertWatchLimit: Int
  /// The most failures failure triage reads (the newest of its window).
  public var triageCap: Int
  /// The most failure groups triage lists.
  public var triageGroupLimit: Int
  /// The poll interval while the database pushes changes: a safety net for a notification
  /// lost on the way, not the way data arrives.
  public var pushSafetyInterval: Duration
  /// The order each pane starts in.
  public var initialSorts: PaneSorts
  /// The config file's environments, for `e`; empty without a config file.
  public var environments: [EnvironmentChoice]
  /// The environment in use, if the target is one.
  public var environmentName: String?

  /// Creates settings; the defaults step from 250 ms to 60 s and start at 1 s.
  public init(
    taskLimit: Int = 200, runLimit: Int = 100, artifactLimit: Int = 100, metricPoints: Int = 60,
    maxMetricSeries: Int = 50,
    intervalSteps: [Duration] = [
      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
      .seconds(15), .seconds(30), .seconds(60),
    ],
    initialInterval: Duration = .seconds(1), viewer: ViewerConfig = ViewerConfig(),
    pageDocumentLimit: Int = 256 * 1024, pageDurationRuns: Int = 1_000, alerts: Bool = false,
    alertWatchLimit: Int = 100, triageCap: Int = FailureGroupQuery.defaultCap, triageGroupLimit: Int = 200,
    pushSafetyInterval: Duration = .seconds(10), initialSorts: PaneSorts = PaneSorts(),
    environments: [EnvironmentChoice] = [], environmentName: String? = nil
  ) {
    self.taskLimit = taskLimit
    self.runLimit = runLimit
    self.artifactLimit = artifactLimit
    self.metricPoints = metricPoints
    self.maxMetricSeries = maxMetricSeries
    self.intervalSteps = intervalSteps.isEmpty ? [initialInterval] : intervalSteps.sorted()
    self.initialInterval = initialInterval
    self.viewer = viewer
    self.pageDocumentLimit = pageDocumentLimit
    self.pageDurationRuns = pageDurationRuns
    self.alerts = alerts
    self.alertWatchLimit = alertWatchLimit
    self.triageCap = triageCap
    self.triageGroupLimit = triageGroupLimit
    self.pushSafetyInterval = pushSafetyInterval
    self.initialSorts = initialSorts
    self.environments = environments
    self.environmentName = environmentName
  }
}
