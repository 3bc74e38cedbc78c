import ArgumentParser
import Foundation
import TaskDashStore
import TaskDashUI
import TaskDashViewModel

/// `taskdash` / `taskdash watch`: the live dashboard over the configured database.
struct WatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch", abstract: "Open the live dashboard (the default command).")

  @OptionGroup var options: DashboardOptions
  @OptionGroup var alerts: AlertOption

  func run() async throws {
    try await reportingFailures {
      let settings = try options.settings()
      let first = try await Self.open(settings, alerts: alerts.notify)
      try await Backends.closing({ await first.reader.close() }) {
        let flags = options.flags
        let alertsOn = alerts.notify
        try await DashboardSession.run(first, mouse: settings.mouse.value) { name in
          let variables = ProcessInfo.processInfo.environment
          return try await Self.open(
            try ResolvedSettings.switching(to: name, flags: flags, variables: variables), alerts: alertsOn)
        }
      }
    }
  }

  /// The dashboard's reader over `settings`' target, and what the loop needs besides.
  static func open(_ settings: ResolvedSettings, alerts: Bool) async throws -> DashboardSource {
    let push = PushChannel()
    let reader = try await Backends.dashboardReader(settings.target, push: push)
    return DashboardSource(
      reader: reader, target: settings.targetLabel,
      settings: AppSettings(
        initialInterval: settings.intervalDuration, alerts: alerts, initialSorts: settings.sorts,
        environments: settings.environmentChoices, environmentName: settings.environmentInUse),
      theme: settings.theme.value.theme, push: push.signals)
  }
}
