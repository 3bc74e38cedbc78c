import Foundation
import TaskDashModel
import TaskDashTestSupport
import TaskDashViewModel

extension Scenes {
  /// The metrics of a sample run summed up: each sample series' last, min and max, scaled by
  /// `scale` (so two runs differ).
  static func summaries(scale: Double, dropping dropped: String? = nil) -> [MetricSummary] {
    sampleMetrics.filter { $0.name != dropped }.map { series in
      MetricSummary(
        name: series.name, metricType: series.metricType, unit: series.unit, last: (series.latest ?? 0) * scale,
        lastAt: series.latestAt, min: (series.points.min() ?? 0) * scale, max: (series.points.max() ?? 0) * scale,
        points: series.points.count)
    }
  }

  /// `c` on run #12 of market-analysis in the runs pane: it against #11, with their metrics,
  /// artifacts and documents compared, drawn a second later; `results` gives the two runs
  /// results documents (the sample runs have none).
  static func compare(_ width: Int, _ height: Int, results: (old: String, new: String)? = nil) async -> DashboardDriver
  {
    var dashboard = main(width, height)
    dashboard.press(.focusNext, .compare)
    guard var newer = SamplePages.run(id(1_012)), var older = SamplePages.run(id(1_011)),
      case .comparison(let query)? = dashboard.state.requests[.compare]
    else { return dashboard }
    older.artifacts =
      [sampleArtifacts[0], sampleArtifacts[1]].map { row in
        var smaller = row
        smaller.contentLength = (row.contentLength ?? 0) / 2
        return smaller
      } + [artifactRow(9, name: "retry.log", type: .log, length: 2_048)]
    if let results {
      older.results = DocumentHead(text: results.old, byteCount: Int64(results.old.utf8.count))
      newer.results = DocumentHead(text: results.new, byteCount: Int64(results.new.utf8.count))
    }
    let content = ComparisonContent.compared(
      old: ComparedRun(page: older, metrics: summaries(scale: 0.5, dropping: "tool_calls")),
      new: ComparedRun(page: newer, metrics: summaries(scale: 1)))
    dashboard.send(.loaded(.comparison(query, content), at: at(5)))
    var contents: [ContentSource: [UInt8]] = [:]
    for run in [id(1_011), id(1_012)] {
      let documents = SamplePages.documents[run]
      contents[.run(run, .plan)] = documents?.plan.map(bytes)
      contents[.run(run, .results)] = (run == id(1_011) ? results?.old : results?.new).map(bytes)
      contents[.run(run, .errorDetails)] = documents?.errorDetails.map(bytes)
    }
    let reader = MemoryReader(contents: contents)
    for effect in dashboard.effects {
      guard case .compareDocuments(let comparison) = effect else { continue }
      let diff = await DocumentComparer().compare(comparison, reader: reader)
      dashboard.send(.documentsCompared(comparison, diff))
    }
    dashboard.send(.tick(at(6)))
    return dashboard
  }
}
