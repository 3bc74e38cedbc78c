import TaskDashModel

extension MetricSeries: PaneRow {
  /// By name, as the store returns them.
  public static var defaultSort: MetricSort { .name }

  /// Matches on the metric name and unit.
  public func matches(filter: String) -> Bool {
    name.containsLowercased(filter) || (unit?.containsLowercased(filter) ?? false)
  }

  /// `rows` in `sort` order; ties keep the store's order.
  public static func sorted(_ rows: [MetricSeries], by sort: MetricSort) -> [MetricSeries] {
    switch sort {
    case .name:
      return rows
    case .recent:
      return rows.enumerated().sorted {
        $0.element.latestAt != $1.element.latestAt
          ? $0.element.latestAt > $1.element.latestAt : $0.offset < $1.offset
      }.map(\.element)
    }
  }
}
