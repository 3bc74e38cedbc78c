import ArgumentParser

/// `--notify`: ring the bell when a watched run fails, times out or goes silent.
struct AlertOption: ParsableArguments {
  @Flag(
    help: """
      Ring the terminal bell (and raise a desktop notification in iTerm2, WezTerm or Ghostty) \
      when a run fails, times out or goes silent; `a` toggles it live.
      """)
  var notify = false
}
