import Testing
import TerminalUI

@testable import TerminalCurses

@Suite struct StyleAttributesTests {
  private let masks = StyleAttributes(bold: 1, reverse: 2, underline: 4, dim: 8)

  @Test func aPlainStyleHasNoAttributes() {
    #expect(masks.attributes(for: .plain) == 0)
  }

  @Test func eachFlagAddsItsBitAndColoursAddNone() {
    #expect(masks.attributes(for: Style(bold: true, underline: true)) == 5)
    #expect(masks.attributes(for: Style(foreground: .red, reverse: true, dim: true)) == 10)
  }

  @Test func ncursesBitsAreDistinct() {
    let real = StyleAttributes.ncurses
    #expect(Set([real.bold, real.reverse, real.underline, real.dim]).count == 4)
  }
}
