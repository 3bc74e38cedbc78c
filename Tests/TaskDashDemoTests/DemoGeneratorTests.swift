import Foundation
import TaskDashModel
import Testing

@testable import TaskDashDemo

struct DemoGeneratorTests {
  static let now = Date(timeIntervalSince1970: 1_750_000_000)

  /// The set most tests read; generated once, since its large log takes a moment.
  static let standard = DemoGenerator(catalog: try! SeedCatalog.embedded()).generate(seed: 42, now: now)

  static func demo(seed: UInt64 = 42) throws -> DemoDataSet {
    seed == 42 ? standard : DemoGenerator(catalog: try SeedCatalog.embedded()).generate(seed: seed, now: now)
  }

  static func isJSON(_ text: String?, object: Bool = false) -> Bool {
    guard let text, let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    else { return false }
    return !object || value is [String: Any]
  }

  @Test func theSameSeedAndTimeGiveTheSameData() throws {
    let catalog = try SeedCatalog.embedded()
    #expect(
      DemoGenerator(catalog: catalog).generate(seed: 5, now: Self.now)
        == DemoGenerator(catalog: catalog).generate(seed: 5, now: Self.now))
  }

  @Test func aDifferentSeedGivesDifferentData() throws {
    let first = try Self.demo(seed: 5)
    let second = try Self.demo(seed: 6)
    #expect(first.tasks.map(\.id) != second.tasks.map(\.id))
  }

  @Test func thereAreEightTasksWithThreeToEightRunsEach() throws {
    let data = try Self.demo()
    #expect(data.tasks.count == 8)
    for task in data.tasks {
      let runs = data.runs.filter { $0.taskID == task.id }
      #expect((3...8).contains(runs.count), "\(task.name)")
      #expect(runs.compactMap(\.runNumber).sorted() == Array(1...runs.count))
      #expect(Self.isJSON(task.config, object: true))
      #expect(task.maxRounds != nil && task.memorySize != nil)
    }
  }

  @Test func everyRunStatusAppearsWhateverTheSeed() throws {
    for seed in UInt64(0)..<12 {
      let statuses = Set(try Self.demo(seed: seed).runs.compactMap(\.status.known))
      #expect(statuses == Set(RunStatus.allCases), "seed \(seed)")
    }
  }

  @Test func runColumnsFitTheirStatus() throws {
    for run in try Self.demo().runs {
      let status = try #require(run.status.known)
      #expect(Self.isJSON(run.plan))
      #expect(run.createdAt <= Self.now)
      switch status {
      case .pending:
        #expect(run.startedAt == nil && run.completedAt == nil && run.results == nil)
      case .running:
        #expect(run.startedAt != nil && run.completedAt == nil && run.duration == nil)
      case .completed, .failed, .cancelled, .timeout:
        let started = try #require(run.startedAt)
        let completed = try #require(run.completedAt)
        #expect(started >= run.createdAt && completed <= Self.now)
        #expect(abs(completed.timeIntervalSince(started) - (run.duration ?? -1)) < 0.01)
        #expect(Self.isJSON(run.results))
      }
      if status.countsAsFailure {
        #expect(!(run.errorMessage ?? "").isEmpty)
        #expect(Self.isJSON(run.errorDetails, object: true))
      } else {
        #expect(run.errorMessage == nil && run.errorDetails == nil)
      }
    }
  }

  @Test func everyStartedRunHasSparklineSeriesUpToItsEnd() throws {
    let data = try Self.demo()
    let byRun = Dictionary(grouping: data.metrics, by: { $0.taskRunID })
    for run in data.runs where run.startedAt != nil {
      let series = Dictionary(grouping: byRun[run.id] ?? [], by: \.name)
      #expect(Set(series.keys) == ["cpu_usage", "memory_mb", "tokens", "latency_ms", "tool_calls"])
      for (name, points) in series {
        #expect((30...60).contains(points.count), "\(name)")
        let last = try #require(points.map(\.timestamp).max())
        #expect(last == (run.completedAt ?? Self.now))
        if name == "tokens" {
          let values = points.sorted { $0.timestamp < $1.timestamp }.map(\.value)
          #expect(values == values.sorted(), "counters never decrease")
        }
      }
    }
    #expect(data.metrics.allSatisfy { Self.isJSON($0.labels, object: true) && $0.taskID != nil })
    #expect(Set(data.metrics.compactMap(\.metricType.known)) == [.gauge, .counter, .timer])
  }

  @Test func everyArtifactTypeIsPresentWithHashAndSize() throws {
    let data = try Self.demo()
    #expect(Set(data.artifacts.compactMap(\.artifactType.known)) == Set(ArtifactType.allCases))
    for artifact in data.artifacts {
      #expect(Self.isJSON(artifact.metadata, object: true))
      #expect(artifact.fileHash?.count == 64)
      #expect(artifact.filePath != nil)
      if let content = artifact.content {
        #expect(artifact.fileSize == Int64(content.utf8.count))
        #expect(artifact.fileHash == ArtifactFactory.sha256(content))
      }
    }
    let image = try #require(data.artifacts.first { $0.artifactType == .known(.image) })
    #expect(image.content == nil && (image.fileSize ?? 0) > 0)
  }

  @Test func jsonArtifactsParseAndTheCsvHasAHeader() throws {
    let data = try Self.demo()
    for artifact in data.artifacts where artifact.contentType == "application/json" {
      #expect(Self.isJSON(artifact.content), "\(artifact.name)")
    }
    let csv = try #require(data.artifacts.first { $0.contentType == "text/csv" }?.content)
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "order_id,customer_id,created_at,currency,items,total,status,channel")
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 8 })
  }

  @Test func oneLogIsAtLeastFiveMegabytesOfTimestampedLines() throws {
    let data = try Self.demo()
    let big = try #require(data.artifacts.first { ($0.content?.utf8.count ?? 0) >= 5_000_000 })
    #expect(big.artifactType == .known(.log))
    let lines = try #require(big.content).split(separator: "\n")
    #expect(lines.allSatisfy { $0.prefix(24).hasSuffix("Z") && $0.dropFirst(24).first == " " })
    #expect(lines.contains { $0.contains(" ERROR ") || $0.contains(" WARN ") })
    #expect(data.artifacts.filter { ($0.content?.utf8.count ?? 0) >= 1_000_000 }.count == 1)
  }

  @Test func reportsAreMarkdownWithHeadingsTablesAndCode() throws {
    let reports = try Self.demo().artifacts.filter { $0.artifactType == .known(.report) }
    #expect(reports.contains { ($0.content ?? "").contains("```") && ($0.content ?? "").contains("|---") })
    #expect(reports.allSatisfy { ($0.content ?? "").hasPrefix("# ") })
  }

  @Test func someRunsAreStillActiveAndTaskStatusesFollowThem() throws {
    let data = try Self.demo()
    #expect(data.runs.contains { $0.status == .known(.running) })
    for task in data.tasks {
      let runs = data.runs.filter { $0.taskID == task.id }
      if task.status != .known(.paused), runs.contains(where: { $0.status == .known(.running) }) {
        #expect(task.status == .known(.running))
      }
    }
    #expect(data.tasks.contains { $0.status == .known(.paused) })
  }
}
