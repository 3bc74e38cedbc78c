import Foundation
import TaskDashTestSupport
import Testing

/// While the database pushes changes the header says `push` where it said how often it polls;
/// when the listening session is lost it says the interval again. Only the header row changes.
@Suite struct PushFrameTests {
  @Test func theHeaderSaysPushWhileTheSessionListensAt80By24() {
    var pushed = Scenes.main(80, 24)
    pushed.send(.push(.listening, at: at(5)))
    #expect(
      pushed.changedRows(from: Scenes.main(80, 24)) == [
        0: " taskdash  sqlite:demo.sqlite ● connected 0.4ms          refreshed 5s ago  push "
      ])
    pushed.send(.push(.lost, at: at(5)))
    #expect(pushed.changedRows(from: Scenes.main(80, 24)) == [:])
  }

  @Test func theHeaderSaysPushWhileTheSessionListensAt120By40() {
    var pushed = Scenes.main(120, 40)
    pushed.send(.push(.listening, at: at(5)))
    #expect(
      pushed.changedRows(from: Scenes.main(120, 40)) == [
        0:
          " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                                  refreshed 5s ago  push "
      ])
  }

  @Test func pausedUnderPushTheHeaderSaysPaused() {
    var pushed = Scenes.main(80, 24)
    pushed.send(.push(.listening, at: at(5)))
    pushed.press(.togglePause)
    #expect(pushed.rows[0].hasSuffix(" PAUSED  "))
  }
}
