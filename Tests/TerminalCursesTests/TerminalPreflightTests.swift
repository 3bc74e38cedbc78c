import Testing

@testable import TerminalCurses

@Suite struct TerminalPreflightTests {
  private func check(
    input: Bool = true, output: Bool = true, term: String? = "xterm",
    verdict: TerminalPreflight.Verdict = .usable
  ) -> (TerminalUnavailable?, [String]) {
    var probed: [String] = []
    let result = TerminalPreflight.check(inputIsTerminal: input, outputIsTerminal: output, term: term) {
      probed.append($0)
      return verdict
    }
    return (result, probed)
  }

  @Test func aTerminalOnBothSidesWithAKnownTypeIsUsable() {
    let (result, probed) = check()
    #expect(result == nil)
    #expect(probed == ["xterm"])
  }

  @Test func outputToAFileOrPipeIsRefusedBeforeTerminfoIsAsked() {
    let (result, probed) = check(input: false, output: false)
    #expect(result == .outputNotATerminal)
    #expect(probed.isEmpty)
  }

  @Test func inputFromDevNullIsRefused() {
    #expect(check(input: false).0 == .inputNotATerminal)
  }

  @Test(arguments: [String?.none, ""])
  func anUnsetOrEmptyTermIsRefused(term: String?) {
    let (result, probed) = check(term: term)
    #expect(result == .terminalTypeUnset)
    #expect(probed.isEmpty)
  }

  @Test func terminfoVerdictsBecomeReasons() {
    #expect(check(term: "nope", verdict: .unknown).0 == .unknownTerminalType("nope"))
    #expect(check(term: "dumb", verdict: .tooLimited).0 == .terminalTypeTooLimited("dumb"))
    #expect(check(verdict: .noDatabase).0 == .terminalDatabaseMissing)
  }

  @Test func everyReasonIsOneLineThatNamesTheProblem() {
    let reasons: [TerminalUnavailable] = [
      .outputNotATerminal, .inputNotATerminal, .terminalTypeUnset, .unknownTerminalType("vt999"),
      .terminalDatabaseMissing, .terminalTypeTooLimited("dumb"), .startFailed("xterm"),
    ]
    for reason in reasons {
      #expect(!reason.description.isEmpty)
      #expect(!reason.description.contains("\n"))
    }
    #expect(TerminalUnavailable.unknownTerminalType("vt999").description.contains("TERM=vt999"))
  }
}
