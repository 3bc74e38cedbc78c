/// A method of `DashboardReading`, as `MemoryReader` names it to its script: one case per
/// method, spelled as the method is.
public enum ReaderCall: String, Sendable {
  case tasks, runs, metrics, artifacts, artifact, artifactContent, runDocument, runPage, taskPage, taskID, runID, health
  case recentFailures
  case metricHistory
  case failureGroups, failureRuns
  case metricSummaries
}
