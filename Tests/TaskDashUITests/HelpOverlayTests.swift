import TaskDashViewModel
import TerminalUI
import Testing

@testable import TaskDashUI

@Suite struct HelpOverlayTests {
  /// The help cannot scroll, so each list, with its border, fits the smallest supported
  /// screen's body; the page below it and Esc must stay reachable.
  @Test(arguments: [InputMode.panes, .viewer, .page, .chart, .triage, .failureRuns, .compare])
  func eachListOfKeysFitsAnEightyByTwentyFourScreen(_ mode: InputMode) {
    let body = ScreenLayout.regions(Size(width: 80, height: 24)).body
    let overlay = HelpOverlay.overlay(for: mode, theme: .monochrome)
    #expect(overlay.lines.count + 2 <= body.height)
    #expect(overlay.lines.contains { $0.contains { $0.text.contains("quit") } })
  }
}
