import Foundation

/// The streaming standby of the test server, when there is one: `scripts/pg-throwaway standby`
/// starts it and `make test` names it in TASKDASH_TEST_STANDBY_URL.
enum StandbyServer {
  /// Its URL (database `postgres`), or nil when no standby is given.
  static var url: String? {
    ProcessInfo.processInfo.environment["TASKDASH_TEST_STANDBY_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }
}
