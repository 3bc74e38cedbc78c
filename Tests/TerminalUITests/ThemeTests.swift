import Testing

@testable import TerminalUI

@Suite struct ThemeTests {
  private let statuses = ["pending", "running", "completed", "failed", "cancelled", "timeout", "paused"]

  @Test func noColorSelectsTheMonochromeTheme() {
    #expect(Theme.forEnvironment(["NO_COLOR": "1"]) == .monochrome)
    #expect(Theme.forEnvironment(["NO_COLOR": ""]) == .standard)
    #expect(Theme.forEnvironment([:]) == .standard)
  }

  @Test func theMonochromeThemeUsesNoColour() {
    #expect(!Theme.monochrome.usesColor)
    #expect(Theme.standard.usesColor)
  }

  @Test func everyStatusHasItsOwnOneCellSymbol() {
    for theme in [Theme.standard, .monochrome] {
      let symbols = statuses.map { theme.symbol(forStatus: $0) }
      #expect(Set(symbols).count == statuses.count)
      for symbol in symbols {
        #expect(TerminalText.displayWidth(symbol) == 1)
      }
    }
  }

  @Test func statusesStayApartWithoutColour() {
    let looks = statuses.map { Theme.monochrome.label(forStatus: $0) }
    #expect(Set(looks).count == statuses.count)
    #expect(Theme.monochrome.style(forStatus: "failed") != Theme.monochrome.style(forStatus: "completed"))
  }

  @Test func anUnknownStatusIsShownPlainWithAQuestionMark() {
    #expect(Theme.standard.label(forStatus: "retrying") == "? retrying")
    #expect(Theme.standard.style(forStatus: "retrying") == Theme.standard.text)
  }
}
