import TaskDashModel
import TerminalUI
import Testing

@testable import TaskDashUI

@Suite struct ThemeTests {
  @Test func theMonochromeThemeUsesNoColour() {
    #expect(!Theme.monochrome.usesColor)
    #expect(Theme.standard.usesColor)
  }

  @Test func everyStatusHasItsOwnOneCellSymbol() {
    for theme in [Theme.standard, .monochrome] {
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
    for theme in [Theme.standard, .monochrome] {
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
