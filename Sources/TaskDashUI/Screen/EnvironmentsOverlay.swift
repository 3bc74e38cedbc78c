import TaskDashViewModel
import TerminalUI

/// The `e` list: the config file's environments and their targets (passwords masked), the one
/// in use marked, the cursor on one.
enum EnvironmentsOverlay {
  static func overlay(_ picker: EnvironmentPicker, current: String?, theme: Theme, width: Int) -> Overlay {
    // Names and targets come from the operator's file and environment: they pass the sanitizer
    // like anything else drawn on the terminal.
    let names = picker.choices.map { TerminalText.sanitize($0.name) }
    let nameWidth = min(24, names.map(TerminalText.displayWidth).max() ?? 0)
    let lines = picker.choices.indices.map { index -> [Span] in
      let choice = picker.choices[index]
      let isSelected = index == picker.selected
      // The cursor and the environment in use are marks as well as styles, for a terminal
      // without colour.
      let mark = (isSelected ? "▸ " : "  ") + (choice.name == current ? "● " : "  ")
      let row =
        mark + TerminalText.pad(TerminalText.truncate(names[index], toWidth: nameWidth), toWidth: nameWidth)
        + "  " + TerminalText.sanitize(choice.target) + " "
      return [Span(row, style: isSelected ? theme.widgets.selection : theme.text)]
    }
    // The border and a column of padding on each side.
    let boxWidth = min(width, max(48, (lines.map { TerminalText.displayWidth($0[0].text) }.max() ?? 0) + 4))
    return Overlay(title: "environments · Enter switches · Esc closes", lines: lines, width: boxWidth)
  }
}
