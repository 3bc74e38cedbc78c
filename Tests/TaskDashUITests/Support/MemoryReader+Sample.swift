import TaskDashTestSupport

extension MemoryReader {
  /// The sample store: the sample tasks and runs with their pages; every run has the same
  /// metrics and artifacts, and each artifact its sample content.
  static func sample(script: @escaping Script = { _ in }) -> MemoryReader {
    MemoryReader(
      tasks: sampleTasks, runs: sampleRuns, metrics: sampleMetrics, artifacts: sampleArtifacts,
      contents: [
        .artifact(sampleArtifacts[0].id): bytes(markdownText), .artifact(sampleArtifacts[1].id): bytes(jsonText),
        .artifact(sampleArtifacts[2].id): bytes(logText), .artifact(sampleArtifacts[3].id): binaryContent,
      ],
      runPages: sampleRuns.compactMap { SamplePages.run($0.id) },
      taskPages: sampleTasks.compactMap { SamplePages.task($0.id) }, script: script)
  }
}
