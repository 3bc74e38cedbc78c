import Foundation
import TaskDashViewModel
import TerminalUI

/// The help overlay, generated from the key-binding table so it can never disagree with it.
///
/// It lists the keys of what is under it (the panes, a page or the artifact viewer): the lists
/// together are taller than an 80×24 terminal, and the help cannot be scrolled. What it is for
/// and how to close it go in the border, so that each list fits the 21 rows an 80×24 screen
/// has below its header.
enum HelpOverlay {
  static func overlay(for mode: InputMode, theme: Theme) -> Overlay {
    let subject =
      switch mode {
      case .viewer: "artifact viewer"
      case .page: "run or task page"
      case .panes, .prompt, .help: "panes"
      case .chart: "metric chart"
      case .triage: "failure triage"
      case .failureRuns: "runs of a failure pattern"
      case .compare: "run comparison"
      case .environments: "environments"
      }
    let bindings = KeyBindings.table.filter { $0.modes.contains(mode) }
    let partners = Set(KeyBindings.helpPairs.values.map(\.partner))
    var lines: [[Span]] = []
    for binding in bindings where !partners.contains(binding.action) {
      var (label, summary) = (binding.label, binding.summary)
      if let pair = KeyBindings.helpPairs[binding.action], bindings.contains(where: { $0.action == pair.partner }) {
        (label, summary) = (pair.label, pair.summary)
      }
      let key = label.padding(toLength: 8, withPad: " ", startingAt: 0)
      lines.append([Span(" " + key, style: theme.keyBarKey), Span(summary, style: theme.text)])
    }
    return Overlay(title: "taskdash keys: \(subject) · Esc or ? closes", lines: lines, width: 64)
  }
}
