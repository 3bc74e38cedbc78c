import TaskDashUI
import TaskDashViewModel
import TerminalUI
import Testing

/// A long random session: whatever happens, every frame has the size asked for and the
/// program does not trap.
///
/// 1,000,000 messages in four sessions of 250,000 with their own seeds, so that they run side
/// by side. Drawing is pure, so a state equal to the last frame's is not drawn again (the run
/// loop does the same); of the others every 32nd is drawn, which keeps the test near a minute
/// of CPU; every 50th frame gets the full check of its cells.
@Suite struct RandomizedFrameTests {
  @Test(arguments: [0x7A5C_DA5B_0001, 0x7A5C_DA5B_0002, 0x7A5C_DA5B_0003, 0x7A5C_DA5B_0004] as [UInt64])
  func randomMessagesAlwaysGiveWholeFramesOfTheSizeAsked(seed: UInt64) {
    var fuzzer = Fuzzer(seed: seed)
    var problems: [String] = []
    var drawn: AppState?
    var changes = 0
    var frames = 0
    for step in 0..<250_000 {
      let message = fuzzer.step()
      guard fuzzer.state != drawn else { continue }
      changes += 1
      let size = Size(width: fuzzer.state.width, height: fuzzer.state.height)
      guard changes.isMultiple(of: 32) else { continue }
      drawn = fuzzer.state
      frames += 1
      let theme: Theme = frames.isMultiple(of: 2) ? .standard : .monochrome
      let buffer = DashboardScreen.render(fuzzer.state, target: HostileScenes.escapes, theme: theme, size: size)
      if buffer.size != size || buffer.cells.count != size.width * size.height {
        problems.append("step \(step) (\(message)): \(buffer.size) for \(size)")
      }
      if frames.isMultiple(of: 50) {
        problems += FrameCheck.problems(in: buffer).prefix(3).map { "step \(step) (\(message)): \($0)" }
      }
      if problems.count > 10 { break }
    }
    #expect(problems == [])
    // The session went deep enough to be worth its time.
    #expect(frames > 5_000, "\(frames) frames")
  }
}
