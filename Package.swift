// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "taskdash",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "taskdash", targets: ["taskdash"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
  ],
  targets: [
    // MARK: - System libraries
    .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq"),
    .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),

    // MARK: - Data
    .target(name: "TaskDashModel"),
    .target(
      name: "TaskDashStore",
      dependencies: ["TaskDashModel", .product(name: "Crypto", package: "swift-crypto")]
    ),
    .target(name: "TaskDashPostgres", dependencies: ["TaskDashModel", "TaskDashStore", "CLibPQ"]),
    .target(name: "TaskDashSQLite", dependencies: ["TaskDashStore", "CSQLite"]),

    // MARK: - View-model
    .target(name: "TaskDashViewModel", dependencies: ["TaskDashModel", "TaskDashStore"]),

    // MARK: - Terminal
    .target(name: "TerminalUI"),
    .target(name: "TaskDashUI", dependencies: ["TerminalUI", "TaskDashViewModel", "TaskDashModel", "TaskDashStore"]),
    .target(name: "TerminalCurses", dependencies: ["TerminalUI", "CNCurses"]),

    // MARK: - Executable
    .executableTarget(
      name: "taskdash",
      dependencies: [
        "TaskDashModel", "TaskDashStore", "TaskDashPostgres", "TaskDashSQLite", "TaskDashViewModel",
        "TerminalUI", "TerminalCurses", "TaskDashUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: - Tests
    .testTarget(
      name: "TaskDashUITests",
      dependencies: ["TaskDashUI", "TaskDashViewModel", "TaskDashModel", "TaskDashStore", "TerminalUI"]
    ),
    .testTarget(name: "TaskDashModelTests", dependencies: ["TaskDashModel"]),
    // The store's SplitMix64 is the seeded generator every randomized test replays from.
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TaskDashStore"]),
    .testTarget(name: "TerminalCursesTests", dependencies: ["TerminalCurses", "TerminalUI", "CNCurses"]),
    .testTarget(name: "TaskDashStoreTests", dependencies: ["TaskDashStore", "TaskDashPostgres", "TaskDashSQLite"]),
    .testTarget(
      name: "TaskDashPostgresTests", dependencies: ["TaskDashPostgres", "TaskDashStore", "TaskDashModel"]),
    .testTarget(
      name: "TaskDashViewModelTests", dependencies: ["TaskDashViewModel", "TaskDashModel", "TaskDashStore"]
    ),
    .testTarget(name: "TaskDashSQLiteTests", dependencies: ["TaskDashSQLite", "TaskDashStore", "TaskDashModel"]),
    // The executable's commands, through `@testable import taskdash`; SQLite files only.
    .testTarget(
      name: "TaskDashCommandTests",
      dependencies: [
        "taskdash", "TaskDashSQLite", "TaskDashStore", "TaskDashModel", "TaskDashViewModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
  ]
)
