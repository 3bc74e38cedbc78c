import TaskDashTestSupport
import TaskDashViewModel
import TerminalUI
import Testing

@testable import TaskDashUI
@testable import TerminalCurses

/// A metric's chart, whole screens as text rows: the spike of 9,999 among values near 800 keeps
/// its full height at the top row, at both sizes, on both scales and with the overlay.
@Suite struct ChartFrameTests {
  @Test func theSpikeReachesTheTopRowBesideTheAxisMaximumAt80By24() {
    #expect(
      Scenes.chart(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis › run #12 › latency_p95                                ",
        " Chart: latency_p95 of run #12 of market-analysis · ms · whole series           ",
        "   9999 ┤                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        " 5349.5 ┤                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "        │                                               ⡇                       ",
        "    700 ┤⠤⠤⠤⠤⠖⠒⠦⠤⠤⠤⢤⣀⣀⣀⣀⣀⣀⣀⡤⠤⠤⠤⠤⠖⠲⠤⠤⠤⠤⢤⣀⣀⣀⣀⣀⣀⣀⡤⠤⠤⠤⠤⠖⠲⠤⠤⠤⠧⢤⣀⣀⣀⣀⣀⣀⣠⠤⠤⠤⠤⠴⠒⠲⠤⠤⠤⠤⢤⣀⣀⣀",
        "ms       09:50:00                       09:51:11                        09:52:22",
        " ▸ 09:52:21.000  min 700.2  max 700.2  last 700.2  (1 point)                    ",
        " Esc back  h/← cursor  +/z zoom  -/Z out  0/g all  L log  ? help  q quit        ",
      ]
    )
  }

  @Test func theSpikeReachesTheTopRowBesideTheAxisMaximumAt120By40() {
    #expect(
      Scenes.chart(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis › run #12 › latency_p95                                                                        ",
        " Chart: latency_p95 of run #12 of market-analysis · ms · whole series                                                   ",
        "   9999 ┤                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        " 5349.5 ┤                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "        │                                                                          ⡇                                    ",
        "    700 ┤⠴⠒⠚⠉⠉⠉⠉⠙⠒⠲⠤⠤⣄⣀⣀⣀⣀⡤⠤⠖⠒⠚⠉⠉⠉⠉⠓⠒⠲⠤⢤⣀⣀⣀⣀⣀⡤⠤⠖⠒⠚⠉⠉⠉⠉⠓⠒⠲⠤⢤⣀⣀⣀⣀⣠⠤⠤⠖⠒⠋⠉⠉⠉⠉⠓⠒⠦⠤⢤⣀⣀⣀⣀⣠⠧⠴⠒⠒⠋⠉⠉⠉⠙⠒⠒⠦⠤⣄⣀⣀⣀⣀⣠⠤⠴⠒⠒⠋⠉⠉⠉⠙⠒⠒⠦⠤⣄⣀⣀⣀⣀",
        "ms       09:50:00                                           09:51:51                                            09:53:42",
        " ▸ 09:53:41.000  min 723.8  max 723.8  last 723.8  (1 point)                                                            ",
        " Esc back  h/← cursor  +/z zoom  -/Z out  0/g all  L log  o overlay  ? help  q quit                                     ",
      ]
    )
  }

  @Test func aLogScaleSpreadsTheLowValuesAndKeepsTheSpikeAtTheTop() {
    let log = Scenes.logChart(80, 24)
    #expect(
      log.changedRows(from: Scenes.chart(80, 24)) == [
        2: " Chart: latency_p95 of run #12 of market-analysis · ms · whole series · log     ",
        12: " 2645.6 ┤                                               ⡇                       ",
        19: "        │⣀⡤⠖⠒⠋⠉⠓⠲⠤⣄         ⣀⡤⠖⠚⠉⠉⠓⠲⢤⣀         ⣀⡤⠖⠚⠉⠉⠓⠲⢤⣇        ⢀⣠⠴⠒⠚⠉⠙⠒⠲⢤⣀    ",
        20: "    700 ┤         ⠈⠙⠲⠤⣄⣀⣀⡤⠖⠋⠁        ⠈⠙⠲⢤⣀⣀⣀⡤⠖⠋⠁        ⠈⠙⠲⢤⣀⣀⣠⠤⠖⠋         ⠈⠓⠦⢤⣀",
      ]
    )
  }

  @Test func theCursorReadsOutItsBucketAndMarksItsColumn() {
    let cursor = Scenes.chartCursor(80, 24)
    #expect(
      cursor.changedRows(from: Scenes.chart(80, 24)) == [
        22: " ▸ 09:52:11.000  min 815.7  max 815.7  last 815.7  (1 point)                    "
      ]
    )
    // Ten buckets left of the newest (141): dot column 131, the plot's cell 65, after the axis.
    let frame = cursor.buffer()
    for row in 3..<21 {
      #expect(frame[74, row].style == Theme.monochrome.chartCursor, "row \(row)")
    }
    #expect(frame[73, 3].style != Theme.monochrome.chartCursor)
  }

  @Test func thePreviousRunIsOverlaidInItsOwnStyleAt120By40() {
    let overlay = Scenes.overlayChart(120, 40)
    #expect(
      overlay.changedRows(from: Scenes.chart(120, 40)) == [
        2:
          " Chart: latency_p95 of run #12 of market-analysis · ms · whole series · overlay: previous run                           ",
        20:
          " 5249.5 ┤                                                                          ⡇                                    ",
        35:
          "        │⣀⡤⠤⠴⠒⠒⠲⠤⠤⣄⣀⣀     ⢀⣀⣠⠤⠤⠴⠒⠒⠲⠤⠤⣄⣀⡀     ⣀⣀⣠⠤⠤⠖⠒⠒⠦⠤⠤⣄⣀⡀     ⣀⣀⣠⠤⠤⠖⠒⠒⠦⠤⢤⣀⣀⡀     ⣇⣀⡤⠤⠤⠖⠒⠒⠦⠤⢤⣀⣀⡀     ⣀⣀⡤⠤⠴⠒⠒⠒⠦⠤⢤⣀⣀     ",
        36:
          "    500 ┤⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⠈⠉⠉⠉⠉⠉⠉⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⠉⠉⠉⠉⠉⠉⠁⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⠉⠉⠉⠉⠉⠉⠁            ⠉⠉⠉⠉⠉⠉⠁            ⠉⠉⠉⠉⠉⠉⠁           ⠈⠉⠉⠉⠉⠉",
        38:
          " ▸ 09:53:41.000  min 723.8  max 723.8  last 723.8  (1 point)   previous run: no points                                  ",
      ]
    )
    let frame = overlay.buffer(theme: .standard)
    #expect(frame[9, 36].style == Theme.standard.chartOverlay)
    #expect(frame[9, 35].style == Theme.standard.chartLine)
  }

  @Test func withoutUTF8TheChartKeepsItsShapeInASCIIAt80By24() {
    let ascii = Scenes.chart(80, 24).rows.map { row in
      String(row.unicodeScalars.map { AsciiFallback.character(for: $0) })
    }
    #expect(
      ascii == [
        " taskdash  sqlite:demo.sqlite * connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks > market-analysis > run #12 > latency_p95                                ",
        " Chart: latency_p95 of run #12 of market-analysis . ms . whole series           ",
        "   9999 +                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        " 5349.5 +                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "        |                                               |                       ",
        "    700 +....|'|................||.................||...|............|'|........",
        "ms       09:50:00                       09:51:11                        09:52:22",
        " > 09:52:21.000  min 700.2  max 700.2  last 700.2  (1 point)                    ",
        " Esc back  h/< cursor  +/z zoom  -/Z out  0/g all  L log  ? help  q quit        ",
      ]
    )
  }
}
