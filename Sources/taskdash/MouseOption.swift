import ArgumentParser

/// `--no-mouse`: leave clicks and the wheel to the terminal (for selecting text without Shift).
struct MouseOption: ParsableArguments {
  @Flag(
    name: .customLong("no-mouse"),
    help: "Do not take the mouse (else the config file's mouse: setting, else on: click, double click, wheel).")
  var off = false
}
