import TaskDashStore

/// A database server reduced to its logins: it counts them, refuses them on demand, and can
/// end every open session (as `pg_terminate_backend` would).
///
/// Not a reader itself: the readers it opens are `MemoryReader`s whose script keeps their
/// session alive.
public actor FakeLoginServer {
  /// What the server answers a login while the password is wrong.
  public static let refusal = StoreError.authentication(#"password authentication failed for user "ops""#)

  /// Login attempts that reached the server, refused ones included.
  public private(set) var logins = 0
  private var refusing: Bool
  private var epoch = 0

  /// A server that refuses every login while `refusing` holds.
  public init(refusing: Bool = false) {
    self.refusing = refusing
  }

  /// Makes later logins fail (true) or succeed (false).
  public func setRefusing(_ value: Bool) {
    refusing = value
  }

  /// Ends every session opened so far.
  public func terminateSessions() {
    epoch += 1
  }

  /// Opens a backend the way the dashboard's opener does: one login, now.
  ///
  /// Like the PostgreSQL reader, the backend logs in again by itself when its session was
  /// ended, and answers with the server's refusal when that login fails.
  public func openReader() async throws -> any DashboardReading {
    let session = Session(server: self, id: try login())
    return MemoryReader(script: { _ in try await session.keepAlive() })
  }

  /// A session id, or the refusal while the password is wrong.
  private func login() throws -> Int {
    logins += 1
    if refusing { throw Self.refusal }
    return epoch
  }

  private func isAlive(_ session: Int) -> Bool {
    session == epoch
  }

  /// One backend's session: it logs in again before a call when the server ended it.
  private actor Session {
    private let server: FakeLoginServer
    private var id: Int?

    init(server: FakeLoginServer, id: Int) {
      self.server = server
      self.id = id
    }

    func keepAlive() async throws {
      if let id, await server.isAlive(id) { return }
      id = nil
      id = try await server.login()
    }
  }
}
