import ArgumentParser

/// A refresh interval in seconds, between a quarter second and a minute.
struct IntervalOption: ParsableArguments {
  @Option(help: "Seconds between refreshes (0.25 to 60; + and - change it live).")
  var interval = 1.0

  func validate() throws {
    guard interval >= 0.25, interval <= 60 else { throw ValidationError("--interval must be between 0.25 and 60") }
  }

  var duration: Duration { .milliseconds(Int(interval * 1000)) }
}
