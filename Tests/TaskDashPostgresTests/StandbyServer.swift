import Foundation

/// A primary and its streaming standby for the standby tests, when given: `make test` starts a
/// pair of their own (`scripts/pg-throwaway start`, then `standby DIR`), so that the rest of
/// the suite's writes are not replayed, and names them in TASKDASH_TEST_STANDBY_URL and
/// TASKDASH_TEST_STANDBY_PRIMARY_URL.
enum StandbyServer {
  /// The standby's URL (database `postgres`), or nil when none is given.
  static var url: String? { variable("TASKDASH_TEST_STANDBY_URL") }
  /// Its primary's URL, where the tests create their databases; nil when none is given.
  static var primaryURL: String? { variable("TASKDASH_TEST_STANDBY_PRIMARY_URL") }

  private static func variable(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
  }
}
