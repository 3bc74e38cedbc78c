/// The write side used by the seeder, the simulator and the tests; never by the dashboard.
public protocol DashboardWriting: Sendable {
  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  ///
  /// The transaction value must not escape `body`.
  func transaction<T: Sendable>(
    _ body: @Sendable (any WriteTransaction) async throws -> T
  ) async throws -> T
  /// Closes the connection; later calls throw.
  func close() async
}
