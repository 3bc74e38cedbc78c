import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// Which server the dashboard reads, as the health probe reports it: a conversation of probes,
/// and the words the header and `snapshot` use for it.
@Suite struct ServerRoleTests {
  static let standby = DatabaseServer(
    host: "/var/run/postgresql", port: "5433", role: .standby(replayLag: .milliseconds(420)))
  static let primary = DatabaseServer(host: "db-1.internal", port: "5432", role: .primary)

  static func health(_ server: DatabaseServer?) -> Health {
    Health(roundTrip: .microseconds(420), serverVersion: "15.4", schemaVersion: 6, server: server)
  }

  @Test func theServerFollowsTheProbeFromStandbyToPrimary() {
    var harness = DashboardDriver()
    harness.send(.loaded(.health(Self.health(Self.standby)), at: t0))
    #expect(harness.state.connection.server == Self.standby)

    // libpq moved to the primary at a reconnect: the next probe says so.
    harness.send(.loaded(.health(Self.health(Self.primary)), at: t0.addingTimeInterval(1)))
    #expect(harness.state.connection.server == Self.primary)
  }

  @Test func aLostConnectionForgetsTheServerUntilTheNextProbe() {
    var harness = DashboardDriver()
    harness.send(.loaded(.health(Self.health(Self.standby)), at: t0))
    harness.fail(.health, .connection("server closed the connection unexpectedly"), at: t0.addingTimeInterval(1))
    #expect(harness.state.connection.server == nil)
    harness.send(.loaded(.health(Self.health(Self.primary)), at: t0.addingTimeInterval(2)))
    #expect(harness.state.connection.server == Self.primary)
  }

  @Test func aFailedQueryKeepsTheServer() {
    var harness = DashboardDriver()
    harness.send(.loaded(.health(Self.health(Self.standby)), at: t0))
    harness.fail(.tasks, .query(sqlState: "42P01", message: "relation \"tasks\" does not exist"), at: t0)
    #expect(harness.state.connection.server == Self.standby)
  }

  @Test func aProbeWithoutAServerClearsIt() {
    var harness = DashboardDriver()
    harness.send(.loaded(.health(Self.health(Self.standby)), at: t0))
    harness.send(.loaded(.health(Self.health(nil)), at: t0.addingTimeInterval(1)))
    #expect(harness.state.connection.server == nil)
  }

  @Test(arguments: [
    (ServerRole.primary, "primary"),
    (.standby(replayLag: nil), "standby"),
    (.standby(replayLag: .zero), "standby · 0.0 s behind"),
    (.standby(replayLag: .milliseconds(420)), "standby · 0.4 s behind"),
    (.standby(replayLag: .seconds(59.94)), "standby · 59.9 s behind"),
    (.standby(replayLag: .seconds(187)), "standby · 3m07s behind"),
  ])
  func theRoleSaysHowFarAStandbyIsBehind(_ role: ServerRole, _ text: String) {
    #expect(ServerLabel.role(role) == text)
  }

  @Test(arguments: [
    ("/var/run/postgresql", "5433", "…/postgresql:5433"),
    ("/tmp", "5432", "/tmp:5432"),
    ("db-1.internal", "5432", "db-1.internal:5432"),
    ("10.0.0.7", "6432", "10.0.0.7:6432"),
  ])
  func aSocketDirectoryIsShortenedAndAHostIsNot(_ host: String, _ port: String, _ text: String) {
    #expect(ServerLabel.shortAddress(DatabaseServer(host: host, port: port, role: .primary)) == text)
  }
}
