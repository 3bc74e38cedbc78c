import Foundation
import TaskDashViewModel
import TerminalUI

/// The help overlay, generated from the key-binding table so it can never disagree with it.
enum HelpOverlay {
  static func overlay(theme: Theme) -> Overlay {
    var lines: [[Span]] = []
    let sections: [(String, InputMode)] = [("Panes", .panes), ("Artifact viewer", .viewer)]
    for (title, mode) in sections {
      lines.append([Span(title, style: theme.header)])
      for binding in KeyBindings.table where binding.modes.contains(mode) {
        let key = binding.label.padding(toLength: 8, withPad: " ", startingAt: 0)
        lines.append([Span("  " + key, style: theme.keyBarKey), Span(binding.summary, style: theme.text)])
      }
      lines.append([])
    }
    lines.append([Span("Esc or ? closes this help.", style: theme.dim)])
    return Overlay(title: "taskdash keys", lines: lines, width: 64)
  }
}
