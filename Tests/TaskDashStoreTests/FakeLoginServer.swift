import TaskDashStore

/// A database server reduced to its logins: it counts them, refuses them on demand, and can
/// end every open session (as `pg_terminate_backend` would).
actor FakeLoginServer {
  static let refusal = StoreError.authentication(#"password authentication failed for user "ops""#)

  /// Login attempts that reached the server, refused ones included.
  private(set) var logins = 0
  private var refusing: Bool
  private var epoch = 0

  init(refusing: Bool = false) {
    self.refusing = refusing
  }

  /// A session id, or the refusal while the password is wrong.
  func login() throws -> Int {
    logins += 1
    if refusing { throw Self.refusal }
    return epoch
  }

  func setRefusing(_ value: Bool) {
    refusing = value
  }

  /// Ends every session opened so far.
  func terminateSessions() {
    epoch += 1
  }

  func isAlive(_ session: Int) -> Bool {
    session == epoch
  }

  /// Opens a backend the way the dashboard's opener does: one login, now.
  func openReader() async throws -> any DashboardReading {
    let reader = FakeSessionReader(server: self)
    try await reader.connect()
    return reader
  }
}
