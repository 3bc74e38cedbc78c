import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct ArtifactReadingTests {
  @Test(arguments: TestBackend.reading)
  func artifactPagesPerScopeReturnEachArtifactOnceNewestFirst(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("with artifacts")
      let other = Sample.task("other")
      let run = Sample.run(of: task, at: 0)
      let artifacts = (0..<14).map { index in
        switch index % 3 {
        case 0: Sample.artifact("run \(index)", at: Double(index / 2), task: task.id, run: run.id)
        case 1: Sample.artifact("task \(index)", at: Double(index / 2), task: task.id)
        default: Sample.artifact("other \(index)", at: Double(index / 2), task: other.id)
        }
      }
      try await store.write { transaction in
        try await transaction.insert(tasks: [task, other])
        try await transaction.insert(runs: [run])
        try await transaction.insert(artifacts: artifacts)
      }

      let scopes: [(Scope, [Artifact])] = [
        (.all, artifacts),
        (.task(task.id), artifacts.filter { $0.taskID == task.id }),
        (.run(run.id), artifacts.filter { $0.taskRunID == run.id }),
      ]
      for (scope, expected) in scopes {
        var seen: [ArtifactRow] = []
        var cursor: PageCursor?
        while true {
          let page = try await store.reader.artifacts(ArtifactQuery(scope: scope, after: cursor, limit: 3))
          seen += page
          guard let last = page.last, page.count == 3 else { break }
          cursor = PageCursor(createdAt: last.createdAt, id: last.id)
        }
        #expect(seen.count == expected.count, "\(scope)")
        #expect(Set(seen.map(\.id)) == Set(expected.map(\.id)), "\(scope)")
        let keys = seen.map { ($0.createdAt, $0.id.uuidString.lowercased()) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 > $1 }, "\(scope) strictly newest first")
      }
    }
  }

  @Test(arguments: TestBackend.reading)
  func anArtifactRowMeasuresItsContentInUTF8Bytes(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let text = "héllo ✓ 🦀"
      let withContent = Artifact(
        taskID: nil, taskRunID: nil, name: "report.md", artifactType: .known(.report), filePath: "out/report.md",
        fileSize: 99, fileHash: String(repeating: "ab", count: 32), contentType: "text/markdown", content: text,
        metadata: #"{"pages": 1}"#, createdAt: Sample.time(2), updatedAt: Sample.time(2))
      let empty = Sample.artifact("empty", at: 1, content: "")
      let none = Sample.artifact("none", at: 0)
      try await store.write { try await $0.insert(artifacts: [withContent, empty, none]) }

      let rows = try await store.reader.artifacts(ArtifactQuery())
      #expect(rows.map(\.contentLength) == [Int64(text.utf8.count), 0, nil])
      let row = try #require(try await store.reader.artifact(id: withContent.id))
      #expect(row == rows[0])
      #expect(row.contentLength == 15, "bytes, not the 9 characters")
      #expect(row.name == "report.md")
      #expect(row.artifactType == .known(.report))
      #expect(row.filePath == "out/report.md")
      #expect(row.fileSize == 99)
      #expect(row.fileHash == String(repeating: "ab", count: 32))
      #expect(row.contentType == "text/markdown")
      #expect(row.createdAt == Sample.time(2))
      #expect(try await store.reader.artifact(id: UUID()) == nil)
    }
  }

  @Test(arguments: TestBackend.reading)
  func contentWindowsReassembleMultiByteText(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let text = String(repeating: "naïve café — 日本語 🦀🚀 ", count: 40)
      let artifact = Sample.artifact("utf8", at: 0, content: text)
      try await store.write { try await $0.insert(artifacts: [artifact]) }
      let bytes = Array(text.utf8)

      // Seven-byte windows split two-, three- and four-byte characters.
      var joined: [UInt8] = []
      var offset: Int64 = 0
      while true {
        let window = try await store.reader.artifactContent(id: artifact.id, offset: offset, length: 7)
        if window.isEmpty { break }
        #expect(window.count <= 7)
        joined += window
        offset += Int64(window.count)
      }
      #expect(joined == bytes)
      #expect(String(decoding: joined, as: UTF8.self) == text)

      let middle = try await store.reader.artifactContent(id: artifact.id, offset: 100, length: 50)
      #expect(middle == Array(bytes[100..<150]))
      let tail = try await store.reader.artifactContent(id: artifact.id, offset: Int64(bytes.count - 5), length: 50)
      #expect(tail == Array(bytes.suffix(5)))
    }
  }

  @Test(arguments: TestBackend.reading)
  func windowsPastTheEndOrWithoutContentAreEmpty(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let artifact = Sample.artifact("short", at: 0, content: "abc")
      let none = Sample.artifact("none", at: 0)
      try await store.write { try await $0.insert(artifacts: [artifact, none]) }

      #expect(try await store.reader.artifactContent(id: artifact.id, offset: 3, length: 10).isEmpty)
      #expect(try await store.reader.artifactContent(id: artifact.id, offset: 1000, length: 10).isEmpty)
      #expect(try await store.reader.artifactContent(id: artifact.id, offset: 0, length: 0).isEmpty)
      #expect(try await store.reader.artifactContent(id: none.id, offset: 0, length: 10).isEmpty)
      #expect(try await store.reader.artifactContent(id: UUID(), offset: 0, length: 10).isEmpty)
    }
  }
}
