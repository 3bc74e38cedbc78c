import Testing

@testable import TerminalUI

@Suite struct LayoutTests {
  // MARK: - Lengths

  @Test func fixedPartsTakeTheirCellsAndFillTakesTheRest() {
    let constraints: [Constraint] = [.fixed(1), .fill(1), .fixed(1)]
    #expect(Layout.lengths(constraints, total: 10) == [1, 8, 1])
    #expect(Layout.lengths(constraints, total: 3) == [1, 1, 1])
    #expect(Layout.lengths(constraints, total: 2) == [1, 0, 1])
    #expect(Layout.lengths(constraints, total: 1) == [1, 0, 0])
    #expect(Layout.lengths(constraints, total: 0) == [0, 0, 0])
    #expect(Layout.lengths(constraints, total: -5) == [0, 0, 0])
  }

  @Test func fillSharesTheRestByWeightWithoutLosingACell() {
    #expect(Layout.lengths([.fill(1), .fill(2)], total: 10) == [3, 7])
    #expect(Layout.lengths([.fill(1), .fill(1), .fill(1)], total: 10) == [3, 3, 4])
    #expect(Layout.lengths([.fill(1), .fill(1), .fill(1)], total: 1) == [0, 0, 1])
    #expect(Layout.lengths([.fill(1), .fill(0)], total: 5) == [5, 0])
    for total in 0...30 {
      #expect(Layout.lengths([.fill(3), .fill(5), .fill(7)], total: total).reduce(0, +) == total)
    }
  }

  @Test func percentagesAreOfTheWholeRoundedDown() {
    #expect(Layout.lengths([.percentage(50), .percentage(50)], total: 7) == [3, 3])
    #expect(Layout.lengths([.percentage(30), .fill(1)], total: 11) == [3, 8])
    #expect(Layout.lengths([.fixed(8), .percentage(50)], total: 10) == [8, 2])
    #expect(Layout.lengths([.percentage(150)], total: 4) == [4])
  }

  @Test func minGrowsOnlyWhenNothingFills() {
    #expect(Layout.lengths([.min(3), .fixed(2)], total: 10) == [8, 2])
    #expect(Layout.lengths([.min(3), .fill(1)], total: 10) == [3, 7])
    #expect(Layout.lengths([.min(3), .min(3)], total: 9) == [4, 5])
    #expect(Layout.lengths([.min(3), .min(3)], total: 4) == [3, 1])
  }

  @Test func spacingComesOutOfTheTotal() {
    #expect(Layout.lengths([.fill(1), .fill(1)], total: 9, spacing: 1) == [4, 4])
    #expect(Layout.lengths([.fixed(2), .fixed(2), .fixed(2)], total: 3, spacing: 1) == [1, 0, 0])
  }

  // MARK: - Rectangles

  @Test func splitGivesNeighbouringRectanglesInOrder() {
    let area = Rect(x: 2, y: 1, width: 9, height: 5)
    #expect(
      Layout.horizontal([.fill(1), .fill(1)], spacing: 1).split(area) == [
        Rect(x: 2, y: 1, width: 4, height: 5), Rect(x: 7, y: 1, width: 4, height: 5),
      ])
    #expect(
      Layout.vertical([.fixed(1), .fill(1), .fixed(1)]).split(area) == [
        Rect(x: 2, y: 1, width: 9, height: 1), Rect(x: 2, y: 2, width: 9, height: 3),
        Rect(x: 2, y: 5, width: 9, height: 1),
      ])
  }

  @Test func splitNeverOverlapsOrLeavesTheAreaAtAnySize() {
    let constraints: [Constraint] = [.fixed(3), .percentage(40), .min(2), .fill(2), .fill(1)]
    for width in 0...13 {
      let area = Rect(x: 5, y: 0, width: width, height: 1)
      let parts = Layout.horizontal(constraints, spacing: 1).split(area)
      #expect(parts.count == constraints.count)
      var previousEnd = area.x
      for part in parts {
        #expect(part.x >= previousEnd)
        #expect(part.maxX <= area.maxX)
        previousEnd = part.maxX
      }
    }
  }

  @Test func rectInsetsAndSplitsClampAtSmallSizes() {
    let rect = Rect(x: 1, y: 1, width: 3, height: 1)
    #expect(rect.inset(by: 1) == Rect(x: 2, y: 2, width: 1, height: 0))
    #expect(rect.inset(by: 5).isEmpty)
    #expect(rect.inset(horizontal: 1) == Rect(x: 2, y: 1, width: 1, height: 1))
    #expect(rect.splitTop(5).top == rect)
    #expect(rect.splitTop(5).rest.isEmpty)
    #expect(rect.splitLeft(1) == (Rect(x: 1, y: 1, width: 1, height: 1), Rect(x: 2, y: 1, width: 2, height: 1)))
    #expect(rect.splitRight(1).right == Rect(x: 3, y: 1, width: 1, height: 1))
    #expect(rect.splitBottom(1).rest.isEmpty)
    #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
    #expect(rect.row(0) == Rect(x: 1, y: 1, width: 3, height: 1))
    #expect(rect.row(1).isEmpty)
  }

  @Test func centeringRoundsUpAndLeftAndNeverOutgrowsTheArea() {
    let area = Rect(x: 0, y: 0, width: 10, height: 5)
    #expect(area.centered(width: 4, height: 2) == Rect(x: 3, y: 1, width: 4, height: 2))
    #expect(area.centered(width: 5, height: 3) == Rect(x: 2, y: 1, width: 5, height: 3))
    #expect(area.centered(width: 20, height: 20) == area)
    #expect(Rect.zero.centered(width: 3, height: 3) == Rect.zero)
  }

  @Test func intersectionOfApartRectanglesIsEmpty() {
    let a = Rect(x: 0, y: 0, width: 4, height: 4)
    #expect(a.intersection(Rect(x: 2, y: 2, width: 4, height: 4)) == Rect(x: 2, y: 2, width: 2, height: 2))
    #expect(a.intersection(Rect(x: 9, y: 9, width: 1, height: 1)).isEmpty)
    #expect(a.contains(x: 3, y: 3) && !a.contains(x: 4, y: 0))
  }
}
