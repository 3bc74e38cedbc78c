import Testing

@testable import TerminalUI

@Suite struct SparklineTests {
  private func rows(_ values: [Double], width: Int, height: Int = 1) -> [String] {
    var buffer = Buffer(size: Size(width: width, height: height))
    Sparkline(values: values).draw(in: &buffer, area: buffer.area)
    return buffer.rows
  }

  @Test func valuesAreScaledFromTheLowestToTheHighestBar() {
    #expect(rows([0, 1, 2, 3, 4, 5, 6, 7], width: 8) == ["▁▂▃▄▅▆▇█"])
    #expect(rows([10, 80, 45], width: 3) == ["▁█▅"])
    #expect(rows([-1, 1], width: 2) == ["▁█"])
  }

  @Test func newestValuesSitAtTheRight() {
    #expect(rows([1, 2], width: 5) == ["   ▁█"])
  }

  @Test func onlyTheValuesInViewSetTheScale() {
    #expect(rows([1000, 0, 1, 2], width: 3) == ["▁▅█"])
  }

  @Test func valuesAcrossTheWholeRangeOfDoublesAreScaledWithoutOverflow() {
    let huge = Double.greatestFiniteMagnitude
    #expect(rows([-huge, 0, huge], width: 3) == ["▁▅█"])
    #expect(rows([-1e308, 1e308], width: 2) == ["▁█"])
  }

  @Test func aConstantSeriesIsDrawnFlat() {
    #expect(rows([5, 5, 5], width: 4) == [" ▄▄▄"])
    #expect(rows([0], width: 2) == [" ▄"])
  }

  @Test func noValuesDrawNothing() {
    #expect(rows([], width: 4) == ["    "])
    #expect(rows([.nan, .infinity], width: 4) == ["    "])
  }

  @Test func valuesThatAreNotFiniteLeaveAGap() {
    #expect(rows([0, .nan, 7], width: 3) == ["▁ █"])
  }

  @Test func aTallerAreaGivesEightLevelsPerRow() {
    #expect(rows([0, 7, 15], width: 3, height: 2) == ["  █", "▁██"])
    #expect(rows([0, 8, 15], width: 3, height: 2) == [" ▁█", "▁██"])
    #expect(rows([0, 1, 2, 3], width: 4, height: 3) == ["   █", " ▁██", "▁███"])
  }

  @Test func aZeroSizedAreaDrawsNothing() {
    var buffer = Buffer(size: Size(width: 3, height: 1))
    Sparkline(values: [1, 2, 3]).draw(in: &buffer, area: Rect(x: 0, y: 0, width: 0, height: 1))
    #expect(buffer.rows == ["   "])
  }
}
