import TaskDashStore

extension PollSlot {
  /// The tables this slot's read depends on: a change to any of them makes it poll at once.
  ///
  /// Generous on purpose: the tasks pane counts running and silent runs (task_runs, and
  /// metric_snapshots for the last sign of life), a runs pane shows task names and activity, and
  /// a page or a comparison shows all four.
  var readTables: Set<ChangedTable> {
    switch self {
    case .tasks, .runs, .watch: [.tasks, .taskRuns, .metricSnapshots]
    case .metrics, .chart, .chartOverlay: [.metricSnapshots, .taskRuns]
    case .artifacts: [.artifacts]
    case .triage, .failureRuns: [.tasks, .taskRuns]
    case .page, .compare: Set(ChangedTable.allCases)
    case .health: []
    }
  }

}
