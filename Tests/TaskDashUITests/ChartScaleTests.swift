import Foundation
import TaskDashModel
import TaskDashTestSupport
import TerminalUI
import Testing

@testable import TaskDashUI

/// How a chart maps values to heights, zero and negative values on a log scale included.
@Suite struct ChartScaleTests {
  @Test func aLogScaleStartsAtTheLowestValueAboveZeroAndDrawsTheRestThere() throws {
    let series = history([-5, 0, 10, 1_000])
    let scale = try #require(ChartScale([series], log: true))
    #expect(scale.isLog)
    #expect((scale.low, scale.high) == (10, 1_000))
    #expect((scale.bottom, scale.top) == (1, 3))
    #expect(scale.middle == 100)
    let columns = scale.columns(series, width: 4)
    #expect(columns.map { $0?.low } == [1, 1, 1, 3])
  }

  @Test func withNoValueAboveZeroALogScaleStaysLinearAndTheTitleSaysSo() throws {
    let series = history([-5, 0, -1])
    let scale = try #require(ChartScale([series], log: true))
    #expect(!scale.isLog)
    #expect((scale.low, scale.high) == (-5, 0))

    var dashboard = Scenes.chart(120, 40)
    dashboard.loadChart(history([-5, 0, -1], name: "latency_p95", unit: "ms"), at: at(9))
    dashboard.press(.toggleLogScale)
    #expect(dashboard.rows[2].contains("log: no value > 0, linear"))
  }

  @Test func bucketsReadForAnotherWidthMergeOntoTheDotColumns() throws {
    let series = history([1, 9, 2, 3, nil, 4])
    let scale = try #require(ChartScale([series], log: false))
    let columns = scale.columns(series, width: 3)
    #expect(
      columns == [
        LineChart.Column(low: 1, high: 9, last: 9), LineChart.Column(low: 2, high: 3, last: 3),
        LineChart.Column(low: 4, high: 4, last: 4),
      ])
  }

  @Test func aSeriesWithoutFiniteValuesHasNoScale() {
    let empty = MetricHistory(
      name: "x", first: t0, last: t0, from: t0, to: at(1), bucketCount: 1,
      buckets: [MetricBucket(index: 0, count: 2, min: nil, max: nil, last: .nan, firstAt: t0, lastAt: t0)])
    #expect(ChartScale([empty], log: false) == nil)
  }
}
