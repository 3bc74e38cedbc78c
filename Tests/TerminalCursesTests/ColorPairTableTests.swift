import Testing
import TerminalUI

@testable import TerminalCurses

@Suite struct ColorPairTableTests {
  @Test func theTerminalsOwnColoursArePairZeroAndNeedNoDefinition() {
    var table = ColorPairTable(capacity: 256, defaultColors: true)
    let result = table.pair(foreground: .default, background: .default)
    #expect(result.pair == 0)
    #expect(result.definition == nil)
  }

  @Test func aNewCombinationIsDefinedOnceAndThenReused() {
    var table = ColorPairTable(capacity: 256, defaultColors: true)
    let first = table.pair(foreground: .red, background: .default)
    #expect(first.pair == 1)
    #expect(first.definition == .init(pair: 1, foreground: 1, background: -1))
    let again = table.pair(foreground: .red, background: .default)
    #expect(again.pair == 1)
    #expect(again.definition == nil)
    let second = table.pair(foreground: .blue, background: .yellow)
    #expect(second.pair == 2)
    #expect(second.definition == .init(pair: 2, foreground: 4, background: 3))
  }

  @Test func withoutDefaultColoursTheDefaultIsWhiteOnBlackLikePairZero() {
    var table = ColorPairTable(capacity: 64, defaultColors: false)
    #expect(table.pair(foreground: .white, background: .black).pair == 0)
    let red = table.pair(foreground: .red, background: .default)
    #expect(red.definition == .init(pair: 1, foreground: 1, background: 0))
  }

  @Test func whenPairsRunOutAStyleKeepsItsForegroundOnTheDefaultBackground() {
    var table = ColorPairTable(capacity: 3, defaultColors: true)
    #expect(table.pair(foreground: .green, background: .default).pair == 1)
    #expect(table.pair(foreground: .red, background: .blue).pair == 2)
    let full = table.pair(foreground: .green, background: .magenta)
    #expect(full.pair == 1)
    #expect(full.definition == nil)
    #expect(table.pair(foreground: .cyan, background: .red).pair == 0)
  }

  @Test(arguments: [(String?.none, false), ("", false), ("1", true), ("no", true)])
  func noColorCountsOnlyWhenSetAndNotEmpty(value: String?, disabled: Bool) {
    #expect(ColorPairTable.isDisabled(byNoColor: value) == disabled)
  }
}
