/// What `taskdash export` writes: one row per run, per metric snapshot or per artifact.
public enum ExportKind: String, CaseIterable, Hashable, Sendable {
  case runs, metrics, artifacts

  /// The columns, in order, as each backend selects them. Times are UTC in the schema's
  /// text form (`2026-12-05T09:30:00.123Z`); labels and metadata are their JSON text as
  /// stored; an artifact's content is not exported (the viewer reads it), its length is.
  public var columns: [ExportColumn] {
    switch self {
    case .runs:
      [
        ExportColumn("id"), ExportColumn("task_id"), ExportColumn("task"), ExportColumn("run_number", .number),
        ExportColumn("status"), ExportColumn("started_at"), ExportColumn("completed_at"),
        ExportColumn("duration", .number), ExportColumn("error_message"), ExportColumn("created_at"),
        ExportColumn("updated_at"),
      ]
    case .metrics:
      [
        ExportColumn("id", .number), ExportColumn("task_id"), ExportColumn("run_id"), ExportColumn("name"),
        ExportColumn("metric_type"), ExportColumn("value", .number), ExportColumn("unit"), ExportColumn("labels"),
        ExportColumn("timestamp"),
      ]
    case .artifacts:
      [
        ExportColumn("id"), ExportColumn("task_id"), ExportColumn("run_id"), ExportColumn("name"),
        ExportColumn("artifact_type"), ExportColumn("file_path"), ExportColumn("file_size", .number),
        ExportColumn("file_hash"), ExportColumn("content_type"), ExportColumn("content_length", .number),
        ExportColumn("metadata"), ExportColumn("created_at"),
      ]
    }
  }
}
