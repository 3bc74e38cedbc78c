import TaskDashTestSupport
import TaskDashUI
import TerminalUI
import Testing

/// Hostile text in every field: it shows as marks, never moves the cursor, never breaks a row.
@Suite struct HostileFrameTests {
  static let target = "postgres://ops:****@db\u{1b}[31m/\u{202e}agents"

  @Test func hostileTextShowsAsMarksInEveryPane() {
    #expect(
      HostileScenes.everything(80, 24).buffer(target: Self.target).rows == [
        " taskdash  postgres://ops:**… ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks                                                                          ",
        "┏ Tasks (7) ━━━━━━ sort: last-activity ┓┌ Runs (4) ────────────── sort: newest ┐",
        "┃TASK           S RUNS  OK% LIVE   LAST┃│  RUN TASK        S   TIME ERROR      │",
        "┃evil\\x1b]0;ow… ●   12  75%    1    47s┃│  #12 日本語のタ… ●    47s evil\\x1b]0…│",
        "┃ok\\r\\rdone\\x0… ✓   30  93%       3m12s┃│  #11 ship🚀👨<U… ✗  2m05s ok\\r\\rdone…│",
        "┃csi<U+009B>31… ✗    5  40%       2h05m┃│  #30 zé̂̃̄lgo ́x     ✓  1m01s csi<U+009B…│",
        "┃bidi<U+202E>e… ○    0    -           -┃│   #5 one\\ntwo\\t… ⧗  1h00m bidi<U+202…│",
        "┃日本語のタス … ●    0    -           -┃│                                      │",
        "┃ship🚀👨<U+20… ●    0    -           -┃│                                      │",
        "┃zé̂̃̄lgo ́x        ●    0    -           -┃│                                      │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────┘",
        "┌ Metrics of run #12 (4) ── sort: name ┐┌ Artifacts of run #12 (4) ────────────┐",
        "│METRIC       LATEST UNIT  TREND       ││ARTIFACT      TYPE       SIZE      AGE│",
        "│csi<U+009…     0.13 ship…      ▁▂▃▃▅▇█││ok\\r\\rdone\\x… report    139 B      35s│",
        "│bidi<U+20…      850 zé̂̃̄lg…      ▃▁▄█▃▂▄││csi<U+009B>3… data       99 B      40s│",
        "│日本語の …    25.1k one\\…      ▁▂▄▅▆▇█││bidi<U+202E>… log       252 B      45s│",
        "│ship🚀👨<…        6 evil…      ▁▂▂▅▆▆█││日本語のタス… other      40 B      46s│",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  E failures  ? help  q quit   ",
      ]
    )
  }

  @Test func hostileArtifactTextShowsAsMarksInTheViewer() {
    #expect(
      HostileScenes.viewer(80, 24).rows == [
        " taskdash  sqlite:demo.sqli… ● connected 0.4ms refreshed 0ms ago  live every 1s ",
        " Tasks › bidi<U+202E>exe.txt<U+202C>                                            ",
        " bidi<U+202E>exe.txt<U+202C> other · 253 B · plain             ⚠ 17 marks  100% ",
        #"evil\x1b]0;owned\x07\x1b[2Jname                                                 "#,
        #"ok\r\rdone\x08\x08XX                                                            "#,
        "csi<U+009B>31mred                                                               ",
        "bidi<U+202E>exe.txt<U+202C>                                                     ",
        "日本語のタスク名                                                                ",
        "ship🚀👨<U+200D>👩<U+200D>👧🇯🇵                                                  ",
        "zé̂̃̄lgo ́x                                                                         ",
        "one                                                                             ",
        #"two\tthree                                                                      "#,
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ",
        "end                                                                             ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }

  /// The hostile dashboard in every situation that shows data: panes, drilled in, help,
  /// a hostile filter being typed, the viewer.
  static func situations(_ width: Int, _ height: Int) -> [DashboardDriver] {
    var drilled = HostileScenes.everything(width, height)
    drilled.press(.drillIn)
    drilled.loadRuns(HostileScenes.everything(width, height).state.runs.rows)
    var run = drilled
    run.press(.drillIn)
    var help = HostileScenes.everything(width, height)
    help.press(.toggleHelp)
    var filtering = HostileScenes.everything(width, height)
    filtering.press(.focusNext, .beginFilter)
    filtering.type(HostileScenes.all.joined())
    var wrapped = HostileScenes.viewer(width, height)
    wrapped.press(.toggleWrap)
    return [
      HostileScenes.everything(width, height), drilled, run, help, filtering, HostileScenes.viewer(width, height),
      wrapped,
    ]
  }

  @Test func everyRowIsExactlyTheTerminalsWidthWithNoControlInAnyCell() {
    let sizes = [
      (0, 0), (1, 1), (2, 2), (10, 3), (59, 16), (60, 16), (61, 17), (79, 24), (80, 24), (81, 25), (100, 30),
      (111, 33), (115, 20), (116, 20), (120, 40), (133, 50),
    ]
    for (width, height) in sizes {
      for dashboard in Self.situations(width, height) {
        let buffer = dashboard.buffer(theme: .standard, target: Self.target)
        #expect(buffer.size == Size(width: width, height: height))
        #expect(FrameCheck.problems(in: buffer) == [], "\(width)×\(height) \(dashboard.state.breadcrumb)")
      }
    }
  }

  @Test func hostileTextChangesNoCellOutsideItsOwnField() {
    for (width, height) in [(60, 16), (80, 24), (120, 40)] {
      let hostile = HostileScenes.everything(width, height).buffer(target: Self.target)
      let clean = HostileScenes.everything(width, height, replace: { _ in "plain" }).buffer(target: "plain")
      let upper = (height - 3) / 2
      let fixedRows = [1, 2, 3, 1 + upper, 2 + upper, 3 + upper, height - 2, height - 1]
      for y in fixedRows {
        #expect(hostile.rows[y] == clean.rows[y], "row \(y) at \(width)×\(height)")
      }
      // Pane borders stand in every row between.
      let borders = [0, width / 2 - 1, width / 2, width - 1]
      for y in 2..<(height - 1) {
        for x in borders {
          #expect(hostile[x, y] == clean[x, y], "(\(x), \(y)) at \(width)×\(height)")
        }
      }
    }
  }
}

extension HostileFrameTests {
  @Test func theFrameCheckItselfCatchesControlsAndBrokenWideGlyphs() {
    let blank = Buffer(size: Size(width: 4, height: 2))
    #expect(FrameCheck.problems(in: blank) == [])
    for (x, y, cell) in [
      (1, 0, Cell("\u{1b}")), (2, 1, Cell("\u{202e}")), (0, 1, Cell("日")), (3, 0, Cell.continuation),
    ] {
      var buffer = blank
      buffer[x, y] = cell
      #expect(!FrameCheck.problems(in: buffer).isEmpty, "\(cell)")
    }
  }
}
