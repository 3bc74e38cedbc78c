import ArgumentParser

/// A refresh interval in seconds, between a quarter second and a minute.
struct IntervalOption: ParsableArguments {
  @Option(help: "Seconds between refreshes (0.25 to 60; + and - change it live); else the config file's, else 1.")
  var interval: Double?

  func validate() throws {
    if let interval, !(0.25...60).contains(interval) {
      throw ValidationError("--interval must be between 0.25 and 60")
    }
  }

  /// The flag's interval, else 1 s (for the commands that do not read the config file's).
  var duration: Duration { .milliseconds(Int((interval ?? 1) * 1000)) }
}
