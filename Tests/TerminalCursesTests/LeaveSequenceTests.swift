import Testing

@testable import TerminalCurses

@Suite struct LeaveSequenceTests {
  private func stripped(_ text: String) -> String {
    String(decoding: LeaveSequence.withoutPadding(Array(text.utf8)), as: UTF8.self)
  }

  @Test func paddingSpecsAreRemoved() {
    #expect(stripped("\u{1B}[?1049l$<5>") == "\u{1B}[?1049l")
    #expect(stripped("a$<2.5*/>b$<10/>c") == "abc")
  }

  @Test func dollarSignsThatAreNotPaddingStay() {
    #expect(stripped("$5") == "$5")
    #expect(stripped("$<x>") == "$<x>")
    #expect(stripped("$<>") == "$<>")
    #expect(stripped("cost $<3") == "cost $<3")
  }

  @Test func theSequenceResetsAttributesShowsTheCursorAndLeavesTheAlternateScreenLast() {
    let bytes = LeaveSequence.bytes(sgr0: "S$<2>", cnorm: "C", rmkx: "K", rmcup: "R")
    #expect(String(decoding: bytes, as: UTF8.self) == "SCKR")
  }
}
