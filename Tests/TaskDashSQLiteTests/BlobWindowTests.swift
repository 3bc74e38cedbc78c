import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashSQLite

@Suite struct BlobWindowTests {
  @Test func windowsOfATwentyMegabyteContentMatchItsBytes() async throws {
    try await TemporaryDatabase.with { path in
      let line = "αβγ 日本語 🦀 line of a large log\n"
      let text = String(repeating: line, count: 20_000_000 / line.utf8.count + 1)
      let bytes = Array(text.utf8)
      #expect(bytes.count > 20_000_000)
      let artifact = Artifact(taskID: nil, taskRunID: nil, name: "big.log", artifactType: .known(.log), content: text)
      let writer = try await SQLiteBackend.writer(path: path)
      try await writer.transaction { try await $0.insert(artifacts: [artifact]) }
      await writer.close()

      let reader = try await SQLiteBackend.reader(path: path)
      let row = try #require(try await reader.artifact(id: artifact.id))
      #expect(row.contentLength == Int64(bytes.count))
      for offset in [0, 1, 10_000_001, bytes.count - 4096] {
        let window = try await reader.artifactContent(id: artifact.id, offset: Int64(offset), length: 4096)
        #expect(window == Array(bytes[offset..<offset + 4096]), "offset \(offset)")
      }
      let last = try await reader.artifactContent(id: artifact.id, offset: Int64(bytes.count - 10), length: 4096)
      #expect(last == Array(bytes.suffix(10)))
      #expect(try await reader.artifactContent(id: artifact.id, offset: Int64(bytes.count), length: 4096).isEmpty)

      var joined: [UInt8] = []
      joined.reserveCapacity(bytes.count)
      var offset: Int64 = 0
      while true {
        let window = try await reader.artifactContent(id: artifact.id, offset: offset, length: 1 << 20)
        if window.isEmpty { break }
        joined += window
        offset += Int64(window.count)
      }
      #expect(joined == bytes)
      await reader.close()
    }
  }
}
