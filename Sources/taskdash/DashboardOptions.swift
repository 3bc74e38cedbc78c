import ArgumentParser
import Foundation

/// The options that choose the dashboard's settings: the target (`--database-url`, `--env`),
/// `--interval`, `--theme` and `--no-mouse`; shared by `watch` and `config show`, which prints
/// what `watch` would use.
struct DashboardOptions: ParsableArguments {
  @OptionGroup var database: DatabaseOptions
  @OptionGroup var refresh: IntervalOption
  @OptionGroup var look: ThemeOption
  @OptionGroup var pointer: MouseOption

  /// The flags, as the settings are resolved from them.
  var flags: ResolvedSettings.Flags {
    var flags = database.flags
    flags.interval = refresh.interval
    flags.theme = look.theme
    flags.mouse = pointer.off ? false : nil
    return flags
  }

  /// Every setting, resolved from these flags, the environment variables and the config file.
  func settings() throws -> ResolvedSettings {
    try ResolvedSettings.resolve(flags: flags, variables: ProcessInfo.processInfo.environment)
  }
}
