import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashPostgres

@Suite(.enabled(if: TestDatabase.isEnabled))
struct ReaderTests {
  static let origin = Date(timeIntervalSince1970: 1_700_000_000)

  static func at(_ seconds: Double) -> Date {
    origin.addingTimeInterval(seconds)
  }

  /// Writes through the public writer, in one transaction.
  static func write(
    _ database: TestDatabase, _ body: @Sendable (any WriteTransaction) async throws -> Void
  ) async throws {
    let writer = try await PostgresBackend.writer(conninfo: database.conninfo)
    try await writer.transaction(body)
    await writer.close()
  }

  /// Runs `body` with a migrated database and a reader on it.
  static func withReader(
    _ body: @Sendable (TestDatabase, any DashboardReading) async throws -> Void
  ) async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let reader = try await PostgresBackend.reader(conninfo: database.conninfo)
      try await body(database, reader)
      await reader.close()
    }
  }

  /// The order the runs and artifacts panes promise: newest first, ties by id descending
  /// (uppercase hex strings compare like the bytes PostgreSQL compares).
  static func newestFirst(_ left: (Date, UUID), _ right: (Date, UUID)) -> Bool {
    left.0 != right.0 ? left.0 > right.0 : left.1.uuidString > right.1.uuidString
  }

  // MARK: - Tasks

  @Test func tasksAreFilteredByNameAndStatusAndSortedThreeWays() async throws {
    try await Self.withReader { database, reader in
      let alpha = TaskDashModel.Task(name: "alpha", status: .known(.running), maxRounds: 3, memorySize: 512)
      let beta = TaskDashModel.Task(name: "beta_1", status: .known(.pending))
      let gamma = TaskDashModel.Task(name: "gamma%", config: #"{"model": "x"}"#, status: .known(.completed))
      let delta = TaskDashModel.Task(name: "delta", status: .known(.failed))
      let epsilon = TaskDashModel.Task(name: "epsilon", status: .known(.paused))
      let runs = [
        TaskRun(taskID: alpha.id, status: .known(.completed), createdAt: Self.at(10)),
        TaskRun(taskID: alpha.id, status: .known(.failed), createdAt: Self.at(20)),
        TaskRun(taskID: alpha.id, status: .known(.running), createdAt: Self.at(30)),
        TaskRun(taskID: beta.id, status: .known(.running), createdAt: Self.at(50)),
        TaskRun(taskID: gamma.id, status: .known(.completed), createdAt: Self.at(5)),
        TaskRun(taskID: gamma.id, status: .known(.pending), createdAt: Self.at(40)),
        TaskRun(taskID: delta.id, status: .known(.timeout), createdAt: Self.at(1)),
      ]
      try await Self.write(database) { transaction in
        try await transaction.insert(tasks: [alpha, beta, gamma, delta, epsilon])
        try await transaction.insert(runs: runs)
      }

      func names(_ query: TaskQuery) async throws -> [String] {
        try await reader.tasks(query).map(\.task.name)
      }
      #expect(try await names(TaskQuery(sort: .lastActivity)) == ["beta_1", "gamma%", "alpha", "delta", "epsilon"])
      #expect(try await names(TaskQuery(sort: .name)) == ["alpha", "beta_1", "delta", "epsilon", "gamma%"])
      #expect(try await names(TaskQuery(sort: .status)) == ["gamma%", "delta", "epsilon", "beta_1", "alpha"])
      func filtered(_ text: String) throws -> TaskQuery {
        TaskQuery(sort: .name, filter: try FilterParser.parse(text, for: .tasks))
      }
      #expect(try await names(filtered("ALP")) == ["alpha"])
      #expect(try await names(filtered("_")) == ["beta_1"])
      #expect(try await names(filtered("%")) == ["gamma%"])
      #expect(try await names(filtered("status:failed")) == ["delta"])
      #expect(try await names(filtered("a status:running")) == ["alpha"])
      #expect(try await names(TaskQuery(sort: .name, limit: 2)) == ["alpha", "beta_1"])

      let rows = try await reader.tasks(TaskQuery(sort: .name))
      let first = try #require(rows.first)
      #expect(first.task.id == alpha.id)
      #expect(first.task.maxRounds == 3)
      #expect(first.task.memorySize == 512)
      let counters: [Int] = [first.task.totalRuns, first.task.successfulRuns, first.task.failedRuns]
      #expect(counters == [3, 1, 1])
      #expect(first.runningNow == 1)
      #expect(first.lastRunAt == Self.at(30))
      #expect(rows.map(\.runningNow) == [1, 1, 0, 0, 0])
      #expect(rows.first { $0.task.name == "delta" }?.task.failedRuns == 1)
      #expect(rows.first { $0.task.name == "epsilon" }?.lastRunAt == nil)
      #expect(rows.first { $0.task.name == "gamma%" }?.task.config == #"{"model": "x"}"#)
      #expect(rows.first { $0.task.name == "gamma%" }?.task.status == .known(.completed))
    }
  }

  // MARK: - Runs

  @Test func runsPageNewestFirstByKeysetWithTiesBrokenById() async throws {
    try await Self.withReader { database, reader in
      let tasks = [TaskDashModel.Task(name: "one"), TaskDashModel.Task(name: "two")]
      // Pairs of runs share a creation time, so the id decides inside a pair.
      let runs = (0..<25).map { index in
        TaskRun(
          taskID: tasks[index % 2].id, status: .known(index % 5 == 0 ? .failed : .completed),
          startedAt: Self.at(Double(index)), duration: Double(index) + 0.25,
          errorMessage: index % 5 == 0 ? "boom \(index)" : nil, createdAt: Self.at(Double(index / 2)))
      }
      try await Self.write(database) { transaction in
        try await transaction.insert(tasks: tasks)
        try await transaction.insert(runs: runs)
      }

      func pages(_ base: RunQuery) async throws -> [[UUID]] {
        var query = base
        var pages: [[UUID]] = []
        while true {
          let page = try await reader.runs(query)
          guard let last = page.last else { return pages }
          pages.append(page.map(\.id))
          query.after = PageCursor(createdAt: last.createdAt, id: last.id)
        }
      }
      let expected = runs.sorted { Self.newestFirst(($0.createdAt, $0.id), ($1.createdAt, $1.id)) }
      let all = try await pages(RunQuery(limit: 10))
      #expect(all.map(\.count) == [10, 10, 5])
      #expect(all.flatMap { $0 } == expected.map(\.id))

      let ofTaskOne = try await pages(RunQuery(taskID: tasks[0].id, limit: 4)).flatMap { $0 }
      #expect(ofTaskOne == expected.filter { $0.taskID == tasks[0].id }.map(\.id))
      let failedOfTaskTwo = try await pages(RunQuery(taskID: tasks[1].id, status: .failed, limit: 1)).flatMap { $0 }
      #expect(failedOfTaskTwo == expected.filter { $0.taskID == tasks[1].id && $0.status == .known(.failed) }.map(\.id))

      let newest = try #require(try await reader.runs(RunQuery(limit: 1)).first)
      let source = try #require(runs.first { $0.id == newest.id })
      #expect(newest.taskName == (source.taskID == tasks[0].id ? "one" : "two"))
      #expect(newest.runNumber == (runs.firstIndex { $0.id == newest.id }! / 2) + 1)
      #expect(newest.duration == source.duration)
      #expect(newest.startedAt == source.startedAt)
      #expect(newest.errorMessage == source.errorMessage)
      #expect(newest.completedAt == nil)
    }
  }

  // MARK: - Metrics

  @Test func metricsGiveEachNameItsLastPointsOldestFirst() async throws {
    try await Self.withReader { database, reader in
      let task = TaskDashModel.Task(name: "metrics", createdAt: Self.at(0))
      // Metrics are read within a day of their run's life (MetricSpan).
      let run = TaskRun(taskID: task.id, createdAt: Self.at(0))
      let later = TaskRun(taskID: task.id, createdAt: Self.at(0))
      var metrics: [MetricSnapshot] = []
      let shapes: [(String, MetricType, String?)] = [
        ("tokens", .counter, nil), ("loss", .gauge, nil), ("latency", .timer, "ms"),
      ]
      for (name, type, unit) in shapes {
        for index in 0..<100 {
          metrics.append(
            MetricSnapshot(
              taskID: task.id, taskRunID: run.id, name: name, metricType: .known(type), value: Double(index),
              unit: unit, timestamp: Self.at(Double(index))))
        }
      }
      for index in 0..<10 {
        metrics.append(
          MetricSnapshot(
            taskID: task.id, taskRunID: later.id, name: "loss", value: Double(1_000 + index),
            timestamp: Self.at(Double(500 + index))))
      }
      try await Self.write(database) { [metrics] transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run, later])
        try await transaction.insert(metrics: metrics)
      }

      let series = try await reader.metrics(MetricQuery(scope: .run(run.id), points: 10))
      #expect(series.map(\.name) == ["latency", "loss", "tokens"])
      #expect(series.allSatisfy { $0.points == (90..<100).map(Double.init) })
      #expect(series.allSatisfy { $0.latestAt == Self.at(99) })
      #expect(series.map(\.metricType) == [.known(.timer), .known(.gauge), .known(.counter)])
      #expect(series.map(\.unit) == ["ms", nil, nil])

      let two = try await reader.metrics(MetricQuery(scope: .run(run.id), points: 3, maxSeries: 2))
      #expect(two.map(\.name) == ["latency", "loss"])
      #expect(two.map(\.points) == [[97, 98, 99], [97, 98, 99]])

      let ofTask = try await reader.metrics(MetricQuery(scope: .task(task.id), points: 12))
      let loss = try #require(ofTask.first { $0.name == "loss" })
      #expect(loss.points == [98, 99] + (1_000..<1_010).map(Double.init))
      #expect(loss.latestAt == Self.at(509))

      #expect(try await reader.metrics(MetricQuery(scope: .run(UUID()))).isEmpty)
      await #expect {
        try await reader.metrics(MetricQuery(scope: .all))
      } throws: { error in
        if case .query = error as? StoreError { true } else { false }
      }
    }
  }

  // MARK: - Artifacts

  @Test func artifactsPageNewestFirstPerScopeWithTheirByteLength() async throws {
    try await Self.withReader { database, reader in
      let task = TaskDashModel.Task(name: "artifacts")
      let runs = [TaskRun(taskID: task.id), TaskRun(taskID: task.id)]
      let artifacts = (0..<12).map { index in
        Artifact(
          taskID: task.id, taskRunID: index == 11 ? nil : runs[index % 2].id, name: "report \(index)",
          artifactType: .known(.report), filePath: "/out/\(index).md", fileSize: Int64(index * 100),
          fileHash: String(repeating: "ab", count: 32), contentType: "text/markdown",
          content: index == 0 ? nil : String(repeating: "é✓", count: index),
          metadata: #"{"index": \#(index)}"#, createdAt: Self.at(Double(index / 3)))
      }
      try await Self.write(database) { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: runs)
        try await transaction.insert(artifacts: artifacts)
      }

      func pages(_ base: ArtifactQuery) async throws -> [UUID] {
        var query = base
        var ids: [UUID] = []
        while true {
          let page = try await reader.artifacts(query)
          guard let last = page.last else { return ids }
          #expect(page.count <= base.limit)
          ids += page.map(\.id)
          query.after = PageCursor(createdAt: last.createdAt, id: last.id)
        }
      }
      let expected = artifacts.sorted { Self.newestFirst(($0.createdAt, $0.id), ($1.createdAt, $1.id)) }
      #expect(try await pages(ArtifactQuery(limit: 5)) == expected.map(\.id))
      #expect(try await pages(ArtifactQuery(scope: .task(task.id), limit: 4)) == expected.map(\.id))
      #expect(
        try await pages(ArtifactQuery(scope: .run(runs[1].id), limit: 2))
          == expected.filter { $0.taskRunID == runs[1].id }.map(\.id))

      let five = try #require(try await reader.artifact(id: artifacts[5].id))
      #expect(five.contentLength == 25)
      #expect(five.name == "report 5")
      #expect(five.filePath == "/out/5.md")
      #expect(five.fileSize == 500)
      #expect(five.contentType == "text/markdown")
      #expect(five.metadata == #"{"index": 5}"#)
      #expect(five.taskRunID == runs[1].id)
      #expect(five.createdAt == Self.at(1))
      #expect(try await reader.artifact(id: artifacts[0].id)?.contentLength == nil)
      #expect(try await reader.artifact(id: UUID()) == nil)
    }
  }

  @Test func artifactContentIsReadInByteWindowsOfItsUTF8() async throws {
    try await Self.withReader { database, reader in
      let text = (0..<3_000).map { ["a", "é", "✓", "𝄞", "\n", "\t", "\\"][$0 % 7] + String($0) }.joined()
      let bytes = Array(text.utf8)
      let artifact = Artifact(taskID: nil, taskRunID: nil, name: "mixed", content: text)
      let empty = Artifact(taskID: nil, taskRunID: nil, name: "none")
      try await Self.write(database) { try await $0.insert(artifacts: [artifact, empty]) }

      var joined: [UInt8] = []
      var offset: Int64 = 0
      while true {
        let window = try await reader.artifactContent(id: artifact.id, offset: offset, length: 777)
        if window.isEmpty { break }
        #expect(window.count <= 777)
        joined += window
        offset += Int64(window.count)
      }
      #expect(joined == bytes)
      #expect(try await reader.artifact(id: artifact.id)?.contentLength == Int64(bytes.count))

      // A window may start or end inside a character: the bytes come back as they are.
      let inside = try await reader.artifactContent(id: artifact.id, offset: 3, length: 5)
      #expect(inside == Array(bytes[3..<8]))
      let tail = try await reader.artifactContent(id: artifact.id, offset: Int64(bytes.count - 2), length: 100)
      #expect(tail == Array(bytes.suffix(2)))
      #expect(try await reader.artifactContent(id: artifact.id, offset: Int64(bytes.count), length: 10).isEmpty)
      #expect(try await reader.artifactContent(id: artifact.id, offset: Int64(bytes.count) + 50, length: 10).isEmpty)
      #expect(try await reader.artifactContent(id: artifact.id, offset: -1, length: 10).isEmpty)
      #expect(try await reader.artifactContent(id: artifact.id, offset: 0, length: 0).isEmpty)
      #expect(try await reader.artifactContent(id: empty.id, offset: 0, length: 10).isEmpty)
      #expect(try await reader.artifactContent(id: UUID(), offset: 0, length: 10).isEmpty)
    }
  }

  // MARK: - Health and session

  @Test func healthReportsTheServerAndTheSchemaVersion() async throws {
    try await TestDatabase.with { database in
      let blank = try await PostgresBackend.reader(conninfo: database.conninfo)
      let before = try await blank.health()
      #expect(before.schemaVersion == nil)
      #expect(before.serverVersion.first?.isNumber == true)
      #expect(before.roundTrip > .zero)
      await blank.close()

      try await database.migrate()
      let reader = try await PostgresBackend.reader(conninfo: database.conninfo)
      #expect(try await reader.health().schemaVersion == MigrationTests.embedded.latestVersion)
      await reader.close()
      await #expect(throws: StoreError.closed) { try await reader.health() }
    }
  }

  @Test func theReadingSessionIsReadOnlyAndNamedTaskdash() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let session = try await PostgresConnection.connect(conninfo: database.conninfo, settings: .reader)
      await #expect(
        throws: StoreError.query(sqlState: "25006", message: "cannot execute INSERT in a read-only transaction")
      ) {
        try await session.query("INSERT INTO tasks (name) VALUES ('sneaky')")
      }
      let settings = try await session.query(
        """
        SELECT current_setting('default_transaction_read_only'), current_setting('application_name'),
               current_setting('statement_timeout'), current_setting('TimeZone')
        """)
      #expect(settings.first?.values == ["on", "taskdash", "5s", "UTC"])
      #expect(try await database.query("SELECT count(*) FROM tasks").first?.int(0) == 0)
    }
  }

  /// The config file's limits: the readers' statement timeout (with the client deadline kept
  /// 5 s past it) and the connect timeout; the writers get no statement timeout from them.
  @Test func configuredLimitsReachTheReadingSessionOnly() async throws {
    let limits = SessionLimits(connectTimeoutSeconds: 7, statementTimeout: .milliseconds(2500))
    let reader = ConnectionSettings.reader.limited(by: limits)
    #expect(reader.connectTimeoutSeconds == 7)
    #expect(reader.deadline == .milliseconds(7500))
    let writer = ConnectionSettings.writer.limited(by: limits)
    #expect(writer.statementTimeout == nil)
    #expect(writer.deadline == ConnectionSettings.writer.deadline)
    #expect(writer.connectTimeoutSeconds == 7)
    #expect(ConnectionSettings.reader.limited(by: SessionLimits()).startupSQL == ConnectionSettings.reader.startupSQL)
    try await TestDatabase.with { database in
      let session = try await PostgresConnection.connect(conninfo: database.conninfo, settings: reader)
      #expect(try await session.query("SELECT current_setting('statement_timeout')").first?.values == ["2500ms"])
      let writing = try await PostgresConnection.connect(conninfo: database.conninfo, settings: writer)
      #expect(try await writing.query("SELECT current_setting('statement_timeout')").first?.values == ["0"])
    }
  }
}
