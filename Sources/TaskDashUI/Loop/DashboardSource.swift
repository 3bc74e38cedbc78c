import TaskDashStore
import TaskDashViewModel

/// What a dashboard shows and how: the reader, the header's label, the settings, the theme and
/// the reader's push signals. Switching environments (`e`) replaces all of it.
public struct DashboardSource: Sendable {
  /// The reader (the loop closes it when it switches away).
  public var reader: any DashboardReading
  /// What the header says it reads: the environment and its target, password masked.
  public var target: String
  /// The settings to start with.
  public var settings: AppSettings
  /// The look.
  public var theme: Theme
  /// The reader's push signals, if it listens for changes.
  public var push: AsyncStream<PushSignal>?

  /// Creates a source.
  public init(
    reader: any DashboardReading, target: String, settings: AppSettings, theme: Theme,
    push: AsyncStream<PushSignal>? = nil
  ) {
    self.reader = reader
    self.target = target
    self.settings = settings
    self.theme = theme
    self.push = push
  }
}
