import ArgumentParser
import Foundation
import TaskDashStore

/// `taskdash migrate new TITLE`: an empty up/down pair in both dialects.
struct MigrateNewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new", abstract: "Create an empty migration pair in Migrations/postgres and Migrations/sqlite.")

  @Argument(help: "A snake_case title, e.g. add_run_tags.") var title: String
  @Option(help: "The Migrations directory of a taskdash checkout.") var directory = "Migrations"

  func validate() throws {
    guard !title.isEmpty, title.allSatisfy({ ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "_" }) else {
      throw ValidationError("the title must be snake_case: lowercase letters, digits and _")
    }
  }

  func run() throws {
    let fileManager = FileManager.default
    var next = 1
    for dialect in SQLDialect.allCases {
      let folder = "\(directory)/\(dialect.rawValue)"
      guard fileManager.fileExists(atPath: folder) else {
        throw ValidationError("\(folder) not found: run this from a taskdash checkout or pass --directory")
      }
      for name in try fileManager.contentsOfDirectory(atPath: folder) {
        if let version = Int(name.prefix(4)) { next = max(next, version + 1) }
      }
    }
    for dialect in SQLDialect.allCases {
      for direction in ["up", "down"] {
        let path = String(format: "%@/%@/%04d_%@.%@.sql", directory, dialect.rawValue, next, title, direction)
        let body =
          "-- \(title) (\(direction)), \(dialect.rawValue). No BEGIN/COMMIT: each file runs in one transaction.\n"
        try Data(body.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        print("created \(path)")
      }
    }
    print("then run: make embed (builds the new files into the binary)")
  }
}
