import Foundation
import TaskDashViewModel
import TerminalUI

/// The help overlay, generated from the key-binding table so it can never disagree with it.
///
/// It lists the keys of what is under it (the panes, a page or the artifact viewer): both lists
/// together are taller than an 80×24 terminal, and the help cannot be scrolled.
enum HelpOverlay {
  static func overlay(for mode: InputMode, theme: Theme) -> Overlay {
    let title =
      switch mode {
      case .viewer: "Artifact viewer"
      case .page: "Run or task page"
      case .panes, .prompt, .help: "Panes"
      }
    var lines: [[Span]] = [[Span(title, style: theme.header), Span("  (Esc or ? closes this help)", style: theme.dim)]]
    for binding in KeyBindings.table where binding.modes.contains(mode) {
      let key = binding.label.padding(toLength: 8, withPad: " ", startingAt: 0)
      lines.append([Span("  " + key, style: theme.keyBarKey), Span(binding.summary, style: theme.text)])
    }
    return Overlay(title: "taskdash keys", lines: lines, width: 64)
  }
}
