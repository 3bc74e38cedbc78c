import Foundation
import TaskDashModel
import Testing

@testable import TaskDashDemo

struct ScaleGeneratorTests {
  static let now = Date(timeIntervalSince1970: 1_750_000_000)
  static let counts = ScaleCounts(tasks: 11, runs: 500, metrics: 7_777, artifacts: 60)

  static func generator(seed: UInt64 = 3, counts: ScaleCounts = counts) throws -> ScaleGenerator {
    ScaleGenerator(catalog: try SeedCatalog.embedded(), counts: counts, seed: seed, now: now)
  }

  @Test func runsAreNumberedOneUpwardsPerTaskInCreationOrder() throws {
    let generator = try Self.generator()
    let runs = generator.runs(0..<Self.counts.runs)
    let taskIDs = Set(generator.tasks().map(\.id))
    #expect(Set(runs.map(\.id)).count == runs.count)
    for (taskID, taskRuns) in Dictionary(grouping: runs, by: \.taskID) {
      #expect(taskIDs.contains(taskID))
      #expect(taskRuns.compactMap(\.runNumber) == Array(1...taskRuns.count))
      #expect(taskRuns.map(\.createdAt) == taskRuns.map(\.createdAt).sorted())
    }
    #expect(runs.allSatisfy { ($0.completedAt ?? $0.createdAt) <= Self.now })
    #expect(runs.suffix(2).allSatisfy { $0.status == .known(.running) })
    #expect(Set(runs.compactMap(\.status.known)).isSuperset(of: [.completed, .failed, .timeout, .cancelled, .running]))
  }

  @Test func metricBatchesAddUpToTheCountAndBelongToRuns() throws {
    let generator = try Self.generator()
    let runIDs = Set(generator.runs(0..<Self.counts.runs).map(\.id))
    var batches = generator.metricBatches(size: 1000)
    var total = 0
    while let batch = batches.next() {
      #expect(batch.count <= 1000)
      #expect(batch.allSatisfy { $0.taskRunID.map(runIDs.contains) ?? false })
      total += batch.count
    }
    #expect(total == Self.counts.metrics)
  }

  @Test func oneRunWithManyMetricsIsSplitAcrossBatches() throws {
    var batches = try Self.generator(counts: ScaleCounts(tasks: 1, runs: 1, metrics: 2500, artifacts: 0))
      .metricBatches(size: 1000)
    var sizes: [Int] = []
    while let batch = batches.next() { sizes.append(batch.count) }
    #expect(sizes == [1000, 1000, 500])
  }

  @Test func everyRowCanBeRebuiltFromItsIndexAlone() throws {
    let first = try Self.generator()
    let second = try Self.generator()
    #expect(first.tasks() == second.tasks())
    #expect(first.run(321) == second.runs(320..<322)[1])
    #expect(first.artifact(17) == second.artifacts(0..<20)[17])
    var left = first.metricBatches(size: 300)
    var right = second.metricBatches(size: 300)
    #expect(left.next() == right.next())
    #expect(try Self.generator(seed: 4).run(321) != first.run(321))
  }

  @Test func artifactsHaveContentOrAFileAndPointAtTheirRun() throws {
    let generator = try Self.generator()
    let artifacts = generator.artifacts(0..<Self.counts.artifacts)
    let runIDs = Set(generator.runs(0..<Self.counts.runs).map(\.id))
    #expect(artifacts.count == Self.counts.artifacts)
    #expect(artifacts.allSatisfy { $0.taskRunID.map(runIDs.contains) ?? false })
    #expect(artifacts.allSatisfy { $0.content != nil || $0.artifactType == .known(.image) })
    #expect(artifacts.allSatisfy { ($0.content?.utf8.count ?? 0) < 1_000_000 })
  }

  @Test func countsThatCannotBeGeneratedAreRejected() {
    #expect(throws: SeedError.self) { try ScaleCounts(tasks: 0, runs: 10, metrics: 0, artifacts: 0).validate() }
    #expect(throws: SeedError.self) { try ScaleCounts(tasks: 1, runs: 0, metrics: 5, artifacts: 0).validate() }
    #expect(throws: SeedError.self) { try ScaleCounts(tasks: 1, runs: -1, metrics: 0, artifacts: 0).validate() }
    #expect(throws: Never.self) { try ScaleCounts(tasks: 3, runs: 0, metrics: 0, artifacts: 0).validate() }
  }
}
