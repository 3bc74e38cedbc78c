import Foundation

/// One measurement of one metric (a row of `metric_snapshots`).
public struct MetricSnapshot: Hashable, Sendable {
  /// Assigned by the database; nil for a value not yet written.
  public var id: Int64?
  public var taskID: UUID?
  public var taskRunID: UUID?
  public var name: String
  public var metricType: Lenient<MetricType>
  public var value: Double
  public var unit: String?
  /// The `labels` column as JSON text.
  public var labels: String
  public var timestamp: Date

  /// Creates a snapshot value.
  public init(
    id: Int64? = nil, taskID: UUID?, taskRunID: UUID?, name: String,
    metricType: Lenient<MetricType> = .known(.gauge), value: Double, unit: String? = nil,
    labels: String = "{}", timestamp: Date = Date()
  ) {
    self.id = id
    self.taskID = taskID
    self.taskRunID = taskRunID
    self.name = name
    self.metricType = metricType
    self.value = value
    self.unit = unit
    self.labels = labels
    self.timestamp = timestamp
  }
}
