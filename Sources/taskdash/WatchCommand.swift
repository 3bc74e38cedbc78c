import ArgumentParser
import Foundation
import TaskDashStore

/// `taskdash` / `taskdash watch`: the live dashboard over the configured database.
struct WatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch", abstract: "Open the live dashboard (the default command).")

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var refresh: IntervalOption
  @OptionGroup var alerts: AlertOption
  @OptionGroup var look: ThemeOption

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      let push = PushChannel()
      let reader = try await Backends.dashboardReader(target, push: push)
      try await Backends.closing({ await reader.close() }) {
        try await DashboardSession.run(
          reader: reader, target: target, interval: refresh.duration, alerts: alerts.notify,
          theme: try look.chosen(in: ProcessInfo.processInfo.environment).theme, push: push)
      }
    }
  }
}
