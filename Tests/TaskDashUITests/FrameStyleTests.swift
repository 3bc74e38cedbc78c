import TaskDashModel
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
    #expect(main[x, y].style == Theme.standard.look(Lenient<RunStatus>.known(.failed)).style)
    #expect(main[x, y].style.foreground == .red)
  }

  @Test func theFocusedPanesSelectedRowIsHighlightedAcrossThePane() {
    // Row 4 holds the first task (selected, focused) and the first run (selected, not focused).
    #expect((1...38).allSatisfy { main[$0, 4].style == Theme.standard.widgets.selection })
    #expect((41...78).allSatisfy { main[$0, 4].style == Theme.standard.widgets.unfocusedSelection })
    #expect(main[1, 5].style != Theme.standard.widgets.selection)
    #expect(main[0, 4].style == Theme.standard.widgets.focusedBorder)
  }

  @Test func theBannerAndTheStaleMarkerStandOut() throws {
    let stale = Scenes.stale(80, 24).buffer(theme: .standard)
    #expect((0..<80).allSatisfy { stale[$0, 1].style == Theme.standard.errorBanner })
    let x = try #require(column(of: "STALE", in: stale, row: 2))
    #expect(stale[x, 2].style == Theme.standard.stale)
  }

  @Test func theThreeThemesDrawTheSameTextInTheirOwnStyles() throws {
    let frames = [Theme.standard, .light, .monochrome].map { Scenes.main(80, 24).buffer(theme: $0) }
    #expect(frames[1].rows == frames[0].rows && frames[2].rows == frames[0].rows)
    let y = try #require(main.rows.firstIndex { $0.contains("#11") })
    let x = try #require(column(of: "✗", in: main, row: y))
    #expect(frames[1][x, y].style == Theme.light.look(Lenient<RunStatus>.known(.failed)).style)
    #expect(frames[1][x, y].style.foreground == .red)
    #expect(frames[2][x, y].style.foreground == .default && frames[2][x, y].style.underline)
    // The focused selection: white on blue in the light theme, black on cyan in the dark one.
    #expect(frames[1][1, 4].style == Theme.light.widgets.selection)
    #expect(frames[0][1, 4].style != frames[1][1, 4].style)
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

extension FrameStyleTests {
  @Test func marksInTheViewerStandApartFromTheArtifactsOwnText() throws {
    let viewer = HostileScenes.viewer(80, 24).buffer(theme: .standard)
    // Row 3 reads `evil\x1b]0;…`: an ESC shown as a mark between ordinary characters.
    #expect(viewer.rows[3].hasPrefix(#"evil\x1b]0;"#))
    #expect(viewer[3, 3].style == Theme.standard.text)
    #expect((4...7).allSatisfy { viewer[$0, 3].style == Theme.standard.mark })
    #expect(viewer[8, 3].style == Theme.standard.text)
    let x = try #require(column(of: "⚠ 17 marks", in: viewer, row: 2))
    #expect(viewer[x, 2].style == Theme.standard.stale)
  }
}

extension FrameStyleTests {
  @Test func theCurrentSearchMatchIsHighlighted() throws {
    let viewer = Scenes.viewerSearchNext(80, 24).buffer(theme: .standard)
    let x = try #require(column(of: "tool", in: viewer, row: 3))
    #expect((x..<(x + 4)).allSatisfy { viewer[$0, 3].style.reverse && viewer[$0, 3].style.underline })
    #expect(!viewer[x - 1, 3].style.reverse)
  }
}

extension FrameStyleTests {
  @Test func theSelectionRunsThroughTheSparklineOfTheSelectedMetric() {
    var dashboard = Scenes.main(80, 24)
    dashboard.press(.focusNext, .focusNext)
    let buffer = dashboard.buffer(theme: .standard)
    // Row 14 holds the first metric (selected), row 15 the second.
    #expect((1...38).allSatisfy { buffer[$0, 14].style == Theme.standard.widgets.selection })
    #expect(buffer[38, 15].style == Theme.standard.sparkline)
    #expect(main[38, 14].style == Theme.standard.widgets.unfocusedSelection)
  }
}
