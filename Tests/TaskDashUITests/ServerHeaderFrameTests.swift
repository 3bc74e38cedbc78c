import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import TaskDashViewModel
import Testing

/// The header's second row names the PostgreSQL server read, right of the breadcrumb: its
/// address, primary or standby, and a standby's lag. Checked by the rows it changes from the
/// main screen (SQLite, which has no server).
@Suite struct ServerHeaderFrameTests {
  static func reading(_ server: DatabaseServer, _ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = Scenes.main(width, height)
    let health = Health(roundTrip: .microseconds(420), serverVersion: "15.4", schemaVersion: 3, server: server)
    dashboard.send(.loaded(.health(health), at: t0))
    return dashboard
  }

  static let standby = DatabaseServer(
    host: "/var/run/postgresql", port: "5433", role: .standby(replayLag: .milliseconds(420)))

  @Test func aStandbyShowsItsAddressAndLagAt80By24() {
    #expect(
      Self.reading(Self.standby, 80, 24).changedRows(from: Scenes.main(80, 24)) == [
        1: " Tasks                               …/postgresql:5433 · standby · 0.4 s behind "
      ])
  }

  @Test func aPrimaryShowsItsAddressAt120By40() {
    let primary = DatabaseServer(host: "db-1.internal", port: "5432", role: .primary)
    #expect(
      Self.reading(primary, 120, 40).changedRows(from: Scenes.main(120, 40)) == [
        1:
          " Tasks                                                                                     db-1.internal:5432 · primary "
      ])
  }

  @Test func aLongHostGivesWayToTheRoleAt80By24() {
    let far = DatabaseServer(
      host: "replica-3.eu-west-1.analytics.database.example.com", port: "5432", role: .standby(replayLag: .seconds(187))
    )
    #expect(
      Self.reading(far, 80, 24).changedRows(from: Scenes.main(80, 24)) == [
        1: " Tasks replica-3.eu-west-1.analytics.database.example… · standby · 3m07s behind "
      ])
  }

  @Test func aHostWithControlCharactersIsShownSanitized() {
    let hostile = DatabaseServer(host: "db\u{1b}[2J", port: "5432", role: .primary)
    let row = Self.reading(hostile, 80, 24).rows[1]
    #expect(!row.contains("\u{1b}"))
    #expect(row.hasSuffix(":5432 · primary "))
  }

  @Test func whileDisconnectedTheServerIsNotShown() {
    var dashboard = Self.reading(Self.standby, 80, 24)
    for slot in [PollSlot.tasks, .runs, .metrics, .artifacts] {
      dashboard.fail(slot, .connection("server closed the connection unexpectedly"), at: t0.addingTimeInterval(5))
    }
    #expect(!dashboard.rows[1].contains("standby"))
  }
}
