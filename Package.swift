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
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // MARK: - System libraries
    .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq"),
    .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),

    // MARK: - Data
    .target(name: "TaskDashModel"),
    // Seeded pseudo-random numbers, shared by the demo generator and every randomized test.
    .target(name: "SeededRandom"),
    .target(
      name: "TaskDashStore",
      dependencies: ["TaskDashModel", .product(name: "Crypto", package: "swift-crypto")]
    ),
    // Demo data, the scale generator and the simulator: they write through the store's
    // protocols, and only the executable and the seeding tests link them.
    .target(
      name: "TaskDashDemo",
      dependencies: [
        "TaskDashModel", "TaskDashStore", "SeededRandom", .product(name: "Crypto", package: "swift-crypto"),
      ]
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
        "TaskDashModel", "TaskDashStore", "TaskDashDemo", "TaskDashPostgres", "TaskDashSQLite", "TaskDashViewModel",
        "TerminalUI", "TerminalCurses", "TaskDashUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Yams", package: "Yams"),
      ]
    ),

    // MARK: - Tests
    // What the test suites share: the in-memory reader, the message driver, the manual clock and
    // the fixtures; a library so that each test target links one copy instead of keeping its own.
    .target(
      name: "TaskDashTestSupport", dependencies: ["TaskDashViewModel", "TaskDashModel", "TaskDashStore"],
      path: "Tests/TaskDashTestSupport"
    ),
    .testTarget(
      name: "TaskDashUITests",
      dependencies: [
        "TaskDashUI", "TaskDashViewModel", "TaskDashModel", "TaskDashStore", "TerminalUI", "SeededRandom",
        "TaskDashTestSupport", "TerminalCurses",
      ]
    ),
    .testTarget(name: "TaskDashModelTests", dependencies: ["TaskDashModel"]),
    .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "SeededRandom"]),
    .testTarget(name: "TerminalCursesTests", dependencies: ["TerminalCurses", "TerminalUI", "CNCurses"]),
    // The seeder and simulator tests write to real stores, so they live with the conformance suite.
    .testTarget(
      name: "TaskDashStoreTests",
      dependencies: ["TaskDashStore", "TaskDashDemo", "TaskDashPostgres", "TaskDashSQLite", "TaskDashTestSupport"]
    ),
    .testTarget(name: "TaskDashDemoTests", dependencies: ["TaskDashDemo", "TaskDashModel", "SeededRandom"]),
    .testTarget(
      name: "TaskDashPostgresTests",
      dependencies: ["TaskDashPostgres", "TaskDashStore", "TaskDashModel", "SeededRandom", "TaskDashTestSupport"]
    ),
    .testTarget(
      name: "TaskDashViewModelTests",
      dependencies: ["TaskDashViewModel", "TaskDashModel", "TaskDashStore", "SeededRandom", "TaskDashTestSupport"]
    ),
    .testTarget(
      name: "TaskDashSQLiteTests",
      dependencies: ["TaskDashSQLite", "TaskDashStore", "TaskDashModel", "CSQLite", "TaskDashTestSupport"]
    ),
    // The executable's commands, through `@testable import taskdash`; SQLite files only.
    .testTarget(
      name: "TaskDashCommandTests",
      dependencies: [
        "taskdash", "TaskDashSQLite", "TaskDashStore", "TaskDashDemo", "TaskDashModel", "TaskDashViewModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
  ]
)
