import Foundation
import TaskDashModel
import TerminalUI

/// How a chart maps values to heights: the range of every finite value shown (the main series
/// and the overlay), linear or log.
///
/// On a log scale only values above zero have a place: the lowest of them is the floor, and a
/// value at or below zero is drawn at the floor (the readout still gives it as it is). With no
/// value above zero the scale stays linear and says so.
struct ChartScale {
  /// The lowest and highest finite values shown.
  let low: Double
  let high: Double
  /// Whether heights are logarithmic.
  let isLog: Bool

  /// The scale of `histories`, or nil when none has a finite value.
  init?(_ histories: [MetricHistory], log wantsLog: Bool) {
    let buckets = histories.flatMap(\.buckets)
    let values = buckets.flatMap { [$0.min, $0.max].compactMap { $0 } }
    guard let low = values.min(), let high = values.max() else { return nil }
    let positive = values.filter { $0 > 0 }
    if wantsLog, let floor = positive.min(), let top = positive.max() {
      (self.low, self.high, isLog) = (floor, top, true)
    } else {
      (self.low, self.high, isLog) = (low, high, false)
    }
  }

  /// The height of `value` in the scale's units (its log on a log scale, floored).
  func height(_ value: Double) -> Double {
    guard isLog else { return value }
    return value.isNaN ? value : log10(max(value, low))
  }

  /// The heights of the lowest and highest values.
  var bottom: Double { height(low) }
  var top: Double { height(high) }

  /// The value halfway up the axis.
  var middle: Double {
    isLog ? pow(10, (bottom + top) / 2) : low / 2 + high / 2
  }

  /// One column per dot column of a plot `width` dots wide, from a history's buckets; a
  /// history read for another width has its buckets merged (or spread) onto the dot columns.
  func columns(_ history: MetricHistory, width: Int) -> [LineChart.Column?] {
    var columns = [LineChart.Column?](repeating: nil, count: max(0, width))
    guard history.bucketCount > 0, width > 0 else { return columns }
    for bucket in history.buckets {
      guard let low = bucket.min, let high = bucket.max else { continue }
      let index = min(width - 1, bucket.index * width / history.bucketCount)
      let last = bucket.last.isFinite ? bucket.last : high
      let column = LineChart.Column(low: height(low), high: height(high), last: height(last))
      if let earlier = columns[index] {
        columns[index] = LineChart.Column(
          low: min(earlier.low, column.low), high: max(earlier.high, column.high), last: column.last)
      } else {
        columns[index] = column
      }
    }
    return columns
  }
}
