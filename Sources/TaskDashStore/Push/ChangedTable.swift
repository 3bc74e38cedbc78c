/// A table whose changes the database announces (PostgreSQL's `taskdash` channel carries the
/// name of the table a statement changed).
public enum ChangedTable: String, CaseIterable, Hashable, Sendable {
  case tasks
  case taskRuns = "task_runs"
  case metricSnapshots = "metric_snapshots"
  case artifacts
}
