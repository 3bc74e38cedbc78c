import Foundation
import Synchronization
import TaskDashModel
import TaskDashStore
import Testing

/// `taskdash export` on both stores: the same rows, the same text, with every filter.
@Suite struct ExportReadingTests {
  static let hostile = "a,b \"quoted\"\nline 2\r\n\ttab \\ \u{1B}[31mred\u{1B}[0m ☃ "

  static let market = FilterReadingTests.market
  static let review = FilterReadingTests.review
  static let hostileRun = TaskRun(
    taskID: market.id, runNumber: 9, status: .known(.failed), startedAt: FilterReadingTests.ago(60),
    completedAt: FilterReadingTests.ago(30), duration: 30.5, errorMessage: hostile,
    createdAt: FilterReadingTests.ago(60), updatedAt: FilterReadingTests.ago(30))

  static func fill(_ store: StoreFixture) async throws {
    try await FilterReadingTests.fill(store)
    try await store.write { transaction in
      try await transaction.insert(runs: [hostileRun])
      try await transaction.insert(metrics: [
        MetricSnapshot(
          taskID: market.id, taskRunID: hostileRun.id, name: "cost", metricType: .known(.gauge), value: 0.1,
          unit: "usd", labels: #"{"note": "x,y"}"#, timestamp: FilterReadingTests.ago(45)),
        MetricSnapshot(
          taskID: market.id, taskRunID: hostileRun.id, name: "tokens", metricType: .known(.counter), value: 2048,
          timestamp: FilterReadingTests.ago(44)),
      ])
      try await transaction.insert(artifacts: [
        Artifact(
          taskID: market.id, taskRunID: hostileRun.id, name: hostile, artifactType: .known(.log), content: "héllo",
          createdAt: FilterReadingTests.ago(40), updatedAt: FilterReadingTests.ago(40))
      ])
    }
  }

  /// The rows `request` exports, in order.
  static func export(_ store: StoreFixture, _ request: ExportRequest) async throws -> [[String?]] {
    let exporter = try #require(store.reader as? any ExportReading)
    let rows = Mutex<[[String?]]>([])
    let count = try await exporter.export(request) { row in rows.withLock { $0.append(row) } }
    let all = rows.withLock { $0 }
    #expect(count == all.count)
    #expect(all.allSatisfy { $0.count == request.kind.columns.count })
    return all
  }

  static func text(_ date: Date?) -> String? {
    guard let date else { return nil }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }

  /// An id as the export writes it, compared without dashes: the agent system's SQLite file
  /// keeps its ids as 32 hex digits, and an export writes them as stored.
  static func id(_ uuid: UUID?) -> String? { uuid?.uuidString.lowercased().replacingOccurrences(of: "-", with: "") }

  /// A row with its id columns written without dashes.
  static func dashless(_ row: [String?]?, idColumns: [Int]) -> [String?]? {
    guard var row else { return nil }
    for column in idColumns { row[column] = row[column]?.replacingOccurrences(of: "-", with: "") }
    return row
  }

  @Test(arguments: TestBackend.reading)
  func runsComeNewestFirstWithTheirTextAsStored(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      try await Self.fill(store)
      let rows = try await Self.export(store, ExportRequest(kind: .runs))
      #expect(rows.count == FilterReadingTests.runs.count + 1)
      let run = Self.hostileRun
      #expect(
        Self.dashless(rows.first, idColumns: [0, 1]) == [
          Self.id(run.id), Self.id(run.taskID), "market-analysis", "9", "failed", Self.text(run.startedAt),
          Self.text(run.completedAt), "30.5", Self.hostile, Self.text(run.createdAt), Self.text(run.updatedAt),
        ])
      let timeout = try #require(rows.first { $0[4] == "timeout" })
      #expect(timeout[7] == "3600")
      #expect(timeout[6] == nil)
    }
  }

  @Test(arguments: TestBackend.reading)
  func eachFilterNarrowsTheRows(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      try await Self.fill(store)
      func numbers(_ request: ExportRequest) async throws -> [String] {
        try await Self.export(store, request).map { "\($0[2] ?? "?")#\($0[3] ?? "?")" }
      }
      let failed = try FilterParser.parse("status:failed", for: .runs)
      #expect(
        try await numbers(ExportRequest(kind: .runs, filter: failed))
          == ["market-analysis#9", "Code Review#1", "market-analysis#2", "market-analysis#1"])
      let silent = try FilterParser.parse("silent", for: .runs)
      #expect(try await numbers(ExportRequest(kind: .runs, filter: silent)) == ["market-analysis#4"])
      #expect(
        try await numbers(ExportRequest(kind: .runs, since: FilterReadingTests.ago(1500)))
          == ["market-analysis#9", "Code Review#3", "Code Review#2"])
      #expect(
        try await numbers(ExportRequest(kind: .runs, taskID: Self.review.id))
          == ["Code Review#3", "Code Review#2", "Code Review#1"])
      // Snapshots and artifacts of the runs a filter matches.
      let errors = try FilterParser.parse("err:quoted", for: .runs)
      #expect(try await Self.export(store, ExportRequest(kind: .metrics, filter: errors)).count == 2)
      #expect(try await Self.export(store, ExportRequest(kind: .artifacts, filter: errors)).count == 1)
      let none = try FilterParser.parse("status:completed", for: .runs)
      #expect(try await Self.export(store, ExportRequest(kind: .metrics, filter: none)).isEmpty)
      #expect(try await Self.export(store, ExportRequest(kind: .metrics, taskID: Self.review.id)).count == 1)
      #expect(
        try await Self.export(store, ExportRequest(kind: .metrics, since: FilterReadingTests.ago(44.5))).count == 2)
    }
  }

  @Test(arguments: TestBackend.reading)
  func snapshotsAndArtifactsKeepTheirNumbersAndJSON(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      try await Self.fill(store)
      let metrics = try await Self.export(store, ExportRequest(kind: .metrics, taskID: Self.market.id))
      let cost = try #require(metrics.first { $0[3] == "cost" })
      #expect(
        Self.dashless(cost, idColumns: [1, 2])?[1...2] == [Self.id(Self.market.id), Self.id(Self.hostileRun.id)])
      #expect(Array(cost[4...6]) == ["gauge", "0.1", "usd"])
      let labels = try #require(cost[7])
      let parsed = try JSONSerialization.jsonObject(with: Data(labels.utf8)) as? [String: String]
      #expect(parsed == ["note": "x,y"])
      #expect(cost[8] == Self.text(FilterReadingTests.ago(45)))
      #expect(metrics.first { $0[3] == "tokens" }?[5] == "2048")
      #expect(Int64(cost[0] ?? "") != nil)

      let artifacts = try await Self.export(store, ExportRequest(kind: .artifacts))
      #expect(artifacts.count == 1)
      let artifact = try #require(artifacts.first)
      #expect(artifact[3] == Self.hostile)
      #expect(artifact[4] == "log")
      #expect(artifact[9] == "6")
      #expect(artifact[11] == Self.text(FilterReadingTests.ago(40)))
    }
  }
}
