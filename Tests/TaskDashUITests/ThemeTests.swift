import TaskDashModel
import TerminalUI
import Testing

@testable import TaskDashUI

@Suite struct ThemeTests {
  @Test func theMonochromeThemeUsesNoColour() {
    #expect(!Theme.monochrome.usesColor)
    #expect(Theme.standard.usesColor)
    #expect(Theme.light.usesColor)
  }

  /// On a light background yellow, cyan and white text fades: the light theme uses them only as
  /// backgrounds, or on a background of its own.
  @Test func theLightThemeWritesNoPaleTextOnTheTerminalsBackground() {
    let theme = Theme.light
    let widgets = theme.widgets
    let styles =
      [
        widgets.dim, widgets.header, widgets.border, widgets.focusedBorder, widgets.title, widgets.focusedTitle,
        widgets.selection, widgets.unfocusedSelection, theme.text, theme.keyBar, theme.keyBarKey, theme.stale,
        theme.errorBanner, theme.error, theme.mark, theme.searchMatch, theme.sparkline, theme.connected,
        theme.disconnected, theme.silent, theme.chartOverlay,
      ] + theme.runStatuses.values.map(\.style) + theme.taskStatuses.values.map(\.style)
    for style in styles where style.background == .default && !style.reverse {
      #expect(![Color.yellow, .cyan, .white].contains(style.foreground), "\(style)")
    }
  }

  @Test func everyStatusHasItsOwnOneCellSymbol() {
    for theme in [Theme.standard, .light, .monochrome] {
      let runs = RunStatus.allCases.map { theme.look(.known($0)).symbol }
      let tasks = TaskStatus.allCases.map { theme.look(.known($0)).symbol }
      #expect(Set(runs).count == RunStatus.allCases.count)
      #expect(Set(tasks).count == TaskStatus.allCases.count)
      for symbol in runs + tasks {
        #expect(TerminalText.displayWidth(symbol) == 1)
      }
    }
  }

  @Test func aStatusNamedTheSameLooksTheSameForRunsAndTasks() {
    for theme in [Theme.standard, .light, .monochrome] {
      for status in RunStatus.allCases {
        guard let task = TaskStatus(rawValue: status.rawValue) else { continue }
        #expect(theme.look(.known(status)) == theme.look(.known(task)))
      }
    }
  }

  @Test func statusesStayApartWithoutColour() {
    let theme = Theme.monochrome
    #expect(theme.look(Lenient<RunStatus>.known(.failed)).style != theme.look(.known(RunStatus.completed)).style)
    #expect(theme.disconnected != theme.connected)
  }

  @Test func anUnknownStatusIsShownPlainWithAQuestionMark() {
    let look = Theme.standard.look(Lenient<RunStatus>.unknown("retrying"))
    #expect(look == StatusLook("?", Theme.standard.text))
    #expect(Theme.standard.look(Lenient<TaskStatus>.unknown("archived")).symbol == "?")
  }
}
