import TaskDashViewModel
import TerminalUI
import Testing

@testable import TaskDashUI

/// The one key table: what each key does in each mode, and what help and the key bar say.
@Suite struct KeyBindingsTests {
  static let tableModes: [InputMode] = [.panes, .viewer, .help]

  @Test func everyKeyOfABindingPerformsItsActionInEachOfItsModes() {
    for binding in KeyBindings.table {
      for mode in binding.modes {
        for key in binding.keys {
          #expect(KeyBindings.action(for: key, in: mode) == binding.action, "\(key) in \(mode)")
        }
      }
    }
  }

  @Test func noKeyIsBoundTwiceInTheSameMode() {
    for mode in Self.tableModes {
      var seen: [KeyEvent: String] = [:]
      for binding in KeyBindings.table where binding.modes.contains(mode) {
        for key in binding.keys {
          #expect(seen[key] == nil, "\(key) is bound to both \(seen[key] ?? "") and \(binding.summary) in \(mode)")
          seen[key] = binding.summary
        }
      }
    }
  }

  @Test func aKeyOutsideItsBindingsModesDoesNothingThere() {
    #expect(KeyBindings.action(for: .character("j"), in: .help) == nil)
    #expect(KeyBindings.action(for: .enter, in: .viewer) == nil)
    #expect(KeyBindings.action(for: .character("w"), in: .panes) == nil)
    #expect(KeyBindings.action(for: .character("s"), in: .viewer) == nil)
  }

  @Test func inAPromptEveryPrintableKeyIsText() {
    let printable = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) } + ["é", "日", "🚀", "👨‍👩‍👧"]
    for character in printable {
      #expect(KeyBindings.action(for: .character(character), in: .prompt) == .insertText(String(character)))
    }
  }

  @Test func inAPromptEditingKeysEditAndCtrlCStillQuits() {
    #expect(KeyBindings.action(for: .backspace, in: .prompt) == .deleteBackward)
    #expect(KeyBindings.action(for: .delete, in: .prompt) == .deleteBackward)
    #expect(KeyBindings.action(for: .enter, in: .prompt) == .commitPrompt)
    #expect(KeyBindings.action(for: .escape, in: .prompt) == .cancelPrompt)
    #expect(KeyBindings.action(for: .control("c"), in: .prompt) == .quit)
    #expect(KeyBindings.action(for: .up, in: .prompt) == nil)
    #expect(KeyBindings.action(for: .tab, in: .prompt) == nil)
  }

  @Test func noBindingClaimsThePromptWhichHasItsOwnRules() {
    #expect(!KeyBindings.table.contains { $0.modes.contains(.prompt) })
  }

  @Test func quitAndHelpWorkInEveryModeButThePrompt() {
    for mode in Self.tableModes {
      #expect(KeyBindings.action(for: .character("q"), in: mode) == .quit)
      #expect(KeyBindings.action(for: .control("c"), in: mode) == .quit)
      #expect(KeyBindings.action(for: .character("?"), in: mode) == .toggleHelp)
    }
  }

  /// The label and summary of the help line that lists `binding` in `mode`: its own, or its
  /// pair's when both of the pair are bound there.
  static func helpLine(_ binding: KeyBinding, in mode: InputMode) -> (label: String, summary: String) {
    let bound = Set(KeyBindings.table.filter { $0.modes.contains(mode) }.map(\.action))
    let pair = KeyBindings.helpPairs.first { first, pair in
      (first == binding.action || pair.partner == binding.action) && bound.contains(first)
        && bound.contains(pair.partner)
    }
    return pair.map { ($0.value.label, $0.value.summary) } ?? (binding.label, binding.summary)
  }

  @Test func theHelpOverlayListsEveryBindingOfThePanesAndTheViewer() {
    for mode in [InputMode.panes, .viewer, .page] {
      let lines = HelpOverlay.overlay(for: mode, theme: .monochrome).lines.map { $0.map(\.text).joined() }
      for binding in KeyBindings.table where binding.modes.contains(mode) {
        let (label, summary) = Self.helpLine(binding, in: mode)
        #expect(lines.contains { $0.contains(label) && $0.hasSuffix(summary) }, "\(summary) in \(mode)")
      }
    }
  }

  @Test func theHelpOnAnEightyByTwentyFourScreenShowsEveryBindingWhole() {
    var viewerHelp = Scenes.viewer(0, 80, 24)
    viewerHelp.press(.toggleHelp)
    for (mode, dashboard) in [(InputMode.panes, Scenes.help(80, 24)), (.viewer, viewerHelp)] {
      let screen = dashboard.rows.joined(separator: "\n")
      for binding in KeyBindings.table where binding.modes.contains(mode) {
        let summary = Self.helpLine(binding, in: mode).summary
        #expect(screen.contains(summary), "\(summary) in \(mode)")
      }
    }
  }

  @Test func everyKeyBarHintNamesABindingOfItsMode() {
    for mode in Self.tableModes {
      let hints = KeyBindings.hints(for: mode)
      #expect(!hints.isEmpty)
      for hint in hints {
        #expect(KeyBindings.table.contains { $0.modes.contains(mode) && $0.label == hint.key }, "\(hint.key)")
      }
      #expect(hints.contains { $0.label == "quit" })
    }
  }
}
