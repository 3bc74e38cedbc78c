import Foundation
import Testing

@testable import TaskDashDemo
@testable import TaskDashStore

/// The binary carries Migrations/ (in the store) and Seeds/ (in the demo target); these tests
/// fail when a copy drifts from the files (run `make embed`).
@Suite struct EmbeddedFilesTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func files(under directory: String) throws -> [String: String] {
    let base = root.appendingPathComponent(directory)
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
    else { return [:] }
    var found: [String: String] = [:]
    for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
      let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
      found[relative] = try String(contentsOf: url, encoding: .utf8)
    }
    return found
  }

  @Test(arguments: SQLDialect.allCases)
  func embeddedMigrationsEqualTheFiles(dialect: SQLDialect) throws {
    #expect(EmbeddedFiles.migrations(dialect) == (try Self.files(under: "Migrations/\(dialect.rawValue)")))
  }

  @Test func embeddedSeedsEqualTheFiles() throws {
    #expect(EmbeddedSeeds.files == (try Self.files(under: "Seeds")))
  }
}
