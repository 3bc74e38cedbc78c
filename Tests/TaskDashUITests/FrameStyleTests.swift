import TaskDashUI
import TerminalUI
import Testing

/// Styles of a few cells that carry meaning; the frame tests compare text only.
@Suite struct FrameStyleTests {
  let main = Scenes.main(80, 24).buffer(theme: .standard)

  /// The column of the first occurrence of `text` in row `y` (the rows compared here hold no
  /// wide characters before it).
  func column(of text: String, in buffer: Buffer, row y: Int) -> Int? {
    let row = buffer.rows[y]
    return row.range(of: text).map { row.distance(from: row.startIndex, to: $0.lowerBound) }
  }

  @Test func aFailedRunsStatusIsInTheFailedStyle() throws {
    let y = try #require(main.rows.firstIndex { $0.contains("#11") })
    let x = try #require(column(of: "✗", in: main, row: y))
    #expect(x > 40)
    #expect(main[x, y].style == Theme.standard.style(forStatus: "failed"))
    #expect(main[x, y].style.foreground == .red)
  }

  @Test func theFocusedPanesSelectedRowIsHighlightedAcrossThePane() {
    // Row 4 holds the first task (selected, focused) and the first run (selected, not focused).
    #expect((1...38).allSatisfy { main[$0, 4].style == Theme.standard.selection })
    #expect((41...78).allSatisfy { main[$0, 4].style == Theme.standard.unfocusedSelection })
    #expect(main[1, 5].style != Theme.standard.selection)
    #expect(main[0, 4].style == Theme.standard.focusedBorder)
  }

  @Test func theBannerAndTheStaleMarkerStandOut() throws {
    let stale = Scenes.stale(80, 24).buffer(theme: .standard)
    #expect((0..<80).allSatisfy { stale[$0, 1].style == Theme.standard.errorBanner })
    let x = try #require(column(of: "STALE", in: stale, row: 2))
    #expect(stale[x, 2].style == Theme.standard.stale)
  }

  @Test func theMonochromeThemeUsesNoColourAnywhere() {
    let scenes = [
      Scenes.main(80, 24), Scenes.stale(80, 24), Scenes.help(80, 24), Scenes.viewer(1, 80, 24),
      Scenes.viewer(2, 80, 24), Scenes.loginRefused(80, 24),
    ]
    for scene in scenes {
      let cells = scene.buffer(theme: .monochrome).cells
      #expect(cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
    }
  }
}
