import Testing

/// The states around the data: loading, empty, lost, refused, too small. Each scene is
/// checked by the rows it changes from the main screen (which `MainFrameTests` pins whole),
/// so a change to the main screen is asserted once, not again in every scene.
@Suite struct StatusFrameTests {
  @Test func beforeAnyDataEveryPaneSaysItIsLoadingAt80By24() {
    #expect(
      Scenes.loading(80, 24).changedRows(from: Scenes.main(80, 24)) == [
        0: " taskdash  sqlite:demo.sqlite ○ connecting      waiting for data  live every 1s ",
        2: "┏ Tasks ━━━━━━━━━━ sort: last-activity ┓┌ Runs ────────────────── sort: newest ┐",
        4: "┃loading…                              ┃│loading…                              │",
        5: "┃                                      ┃│                                      │",
        6: "┃                                      ┃│                                      │",
        7: "┃                                      ┃│                                      │",
        12: "┌ Metrics ───────────────── sort: name ┐┌ Artifacts ───────────── sort: newest ┐",
        14: "│select a run or task                  ││loading…                              │",
        15: "│                                      ││                                      │",
        16: "│                                      ││                                      │",
        17: "│                                      ││                                      │",
      ]
    )
  }

  @Test func beforeAnyDataEveryPaneSaysItIsLoadingAt120By40() {
    #expect(
      Scenes.loading(120, 40).changedRows(from: Scenes.main(120, 40)) == [
        0:
          " taskdash  sqlite:demo.sqlite ○ connecting                                              waiting for data  live every 1s ",
        2:
          "┏ Tasks ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ sort: last-activity ┓┌ Runs ────────────────────────────────────── sort: newest ┐",
        4:
          "┃loading…                                                  ┃│loading…                                                  │",
        5:
          "┃                                                          ┃│                                                          │",
        6:
          "┃                                                          ┃│                                                          │",
        7:
          "┃                                                          ┃│                                                          │",
        20:
          "┌ Metrics ───────────────────────────────────── sort: name ┐┌ Artifacts ───────────────────────────────── sort: newest ┐",
        22:
          "│select a run or task                                      ││loading…                                                  │",
        23:
          "│                                                          ││                                                          │",
        24:
          "│                                                          ││                                                          │",
        25:
          "│                                                          ││                                                          │",
      ]
    )
  }

  @Test func anEmptyDatabaseSaysThereIsNothingYetAt80By24() {
    #expect(
      Scenes.empty(80, 24).changedRows(from: Scenes.main(80, 24)) == [
        0: " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 2s ago  live every 1s ",
        2: "┏ Tasks (0) ━━━━━━ sort: last-activity ┓┌ Runs (0) ────────────── sort: newest ┐",
        4: "┃no tasks yet                          ┃│no runs yet                           │",
        5: "┃                                      ┃│                                      │",
        6: "┃                                      ┃│                                      │",
        7: "┃                                      ┃│                                      │",
        12: "┌ Metrics ───────────────── sort: name ┐┌ Artifacts (0) ───────── sort: newest ┐",
        14: "│select a run or task                  ││no artifacts yet                      │",
        15: "│                                      ││                                      │",
        16: "│                                      ││                                      │",
        17: "│                                      ││                                      │",
      ]
    )
  }

  @Test func anEmptyDatabaseSaysThereIsNothingYetAt120By40() {
    #expect(
      Scenes.empty(120, 40).changedRows(from: Scenes.main(120, 40)) == [
        0:
          " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 2s ago  live every 1s ",
        2:
          "┏ Tasks (0) ━━━━━━━━━━━━━━━━━━━━━━━━━━ sort: last-activity ┓┌ Runs (0) ────────────────────────────────── sort: newest ┐",
        4:
          "┃no tasks yet                                              ┃│no runs yet                                               │",
        5:
          "┃                                                          ┃│                                                          │",
        6:
          "┃                                                          ┃│                                                          │",
        7:
          "┃                                                          ┃│                                                          │",
        20:
          "┌ Metrics ───────────────────────────────────── sort: name ┐┌ Artifacts (0) ───────────────────────────── sort: newest ┐",
        22:
          "│select a run or task                                      ││no artifacts yet                                          │",
        23:
          "│                                                          ││                                                          │",
        24:
          "│                                                          ││                                                          │",
        25:
          "│                                                          ││                                                          │",
      ]
    )
  }

  @Test func aLostConnectionKeepsTheRowsMarkedStaleUnderABannerAt80By24() {
    #expect(
      Scenes.stale(80, 24).changedRows(from: Scenes.main(80, 24)) == [
        0: " taskdash  sqlite:demo.sqlite ✗ disconnected   refreshed 18s ago  live every 1s ",
        1: " ⚠ cannot connect: server closed the c… attempt 3 · retry in 5s · r retries now ",
        2: "┏ Tasks (4) ━━━━━━━━━━━━━━━━ STALE 18s ┓┌ Runs (4) ─── STALE 18s  sort: newest ┐",
        4: "┃market-analys… ●   12  75%    1  1m00s┃│  #12 market-ana… ●  1m00s            │",
        5: "┃code-review    ✓   30  93%       3m25s┃│  #11 market-ana… ✗  2m05s rate limit…│",
        12: "┌ Metrics of run #12 (4) ─── STALE 18s ┐┌ Artifacts of run #12 (4) ─ STALE 18s ┐",
        14: "│cost           0.13 usd        ▁▂▃▃▅▇█││summary.md    report    139 B      48s│",
        15: "│latency_p…      850 ms         ▃▁▄█▃▂▄││result.json   data       99 B      53s│",
        16: "│tokens_in     25.1k tok        ▁▂▄▅▆▇█││agent.log     log       252 B      58s│",
        17: "│tool_calls        6            ▁▂▂▅▆▆█││snapshot.bin  other      40 B      59s│",
      ]
    )
  }

  @Test func aLostConnectionKeepsTheRowsMarkedStaleUnderABannerAt120By40() {
    #expect(
      Scenes.stale(120, 40).changedRows(from: Scenes.main(120, 40)) == [
        0:
          " taskdash  sqlite:demo.sqlite ✗ disconnected                                           refreshed 18s ago  live every 1s ",
        1:
          " ⚠ cannot connect: server closed the connection unexpectedly                    attempt 3 · retry in 5s · r retries now ",
        2:
          "┏ Tasks (4) ━━━━━━━━━━━━━━━ STALE 18s  sort: last-activity ┓┌ Runs (4) ─────────────────────── STALE 18s  sort: newest ┐",
        4:
          "┃market-analysis      ● running      12  75%    1     1m00s┃│  #12 market-analysis ● running      1m00s   1m00s        │",
        5:
          "┃code-review          ✓ completed    30  93%          3m25s┃│  #11 market-analysis ✗ failed      10m18s   2m05s rate l…│",
        6:
          "┃data-pipeline        ✗ failed        5  40%          2h05m┃│  #30 code-review     ✓ completed    3m25s   1m01s        │",
        20:
          "┌ Metrics of run #12 (4) ─────────── STALE 18s  sort: name ┐┌ Artifacts of run #12 (4) ─────── STALE 18s  sort: newest ┐",
        22:
          "│cost                 0.13 usd                      ▁▂▃▃▅▇█││summary.md                        report    139 B      48s│",
        23:
          "│latency_p95           850 ms                       ▃▁▄█▃▂▄││result.json                       data       99 B      53s│",
        24:
          "│tokens_in           25.1k tok                      ▁▂▄▅▆▇█││agent.log                         log       252 B      58s│",
        25:
          "│tool_calls              6                          ▁▂▂▅▆▆█││snapshot.bin                      other      40 B      59s│",
      ]
    )
  }

  @Test func aRefusedLoginSaysWhatToFixAt80By24() {
    #expect(
      Scenes.loginRefused(80, 24).changedRows(from: Scenes.main(80, 24)) == [
        0: " taskdash  sqlite:demo.sqlite ✗ refused         waiting for data  live every 1s ",
        1: " ⚠ password authentication faile… — check the password retry in 58s · r retries ",
        2: "┏ Tasks ━━━━━━━━━━ sort: last-activity ┓┌ Runs ────────────────── sort: newest ┐",
        4: "┃cannot load tasks: cannot log in: pas…┃│cannot load runs: cannot log in: pass…│",
        5: "┃                                      ┃│                                      │",
        6: "┃                                      ┃│                                      │",
        7: "┃                                      ┃│                                      │",
        12: "┌ Metrics ───────────────── sort: name ┐┌ Artifacts ───────────── sort: newest ┐",
        14: "│select a run or task                  ││cannot load artifacts: cannot log in:…│",
        15: "│                                      ││                                      │",
        16: "│                                      ││                                      │",
        17: "│                                      ││                                      │",
      ]
    )
  }

  @Test func aRefusedLoginSaysWhatToFixAt120By40() {
    #expect(
      Scenes.loginRefused(120, 40).changedRows(from: Scenes.main(120, 40)) == [
        0:
          " taskdash  sqlite:demo.sqlite ✗ refused                                                 waiting for data  live every 1s ",
        1:
          #" ⚠ password authentication failed for user "ops" — check the password                          retry in 58s · r retries "#,
        2:
          "┏ Tasks ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ sort: last-activity ┓┌ Runs ────────────────────────────────────── sort: newest ┐",
        4:
          "┃cannot load tasks: cannot log in: password authentication…┃│cannot load runs: cannot log in: password authentication …│",
        5:
          "┃                                                          ┃│                                                          │",
        6:
          "┃                                                          ┃│                                                          │",
        7:
          "┃                                                          ┃│                                                          │",
        20:
          "┌ Metrics ───────────────────────────────────── sort: name ┐┌ Artifacts ───────────────────────────────── sort: newest ┐",
        22:
          "│select a run or task                                      ││cannot load artifacts: cannot log in: password authentica…│",
        23:
          "│                                                          ││                                                          │",
        24:
          "│                                                          ││                                                          │",
        25:
          "│                                                          ││                                                          │",
      ]
    )
  }

  @Test func anUnknownDatabaseKeepsTheRowsStaleAndSaysWhatToCheckAt80By24() {
    #expect(
      Scenes.unknownDatabase(80, 24).changedRows(from: Scenes.main(80, 24)) == [
        0: " taskdash  sqlite:demo.sqlite ✗ refused        refreshed 18s ago  live every 1s ",
        1: #" ⚠ database "taskdash" does… — check the database name retry in 57s · r retries "#,
        2: "┏ Tasks (4) ━━━━━━━━━━━━━━━━ STALE 18s ┓┌ Runs (4) ─── STALE 18s  sort: newest ┐",
        4: "┃market-analys… ●   12  75%    1  1m00s┃│  #12 market-ana… ●  1m00s            │",
        5: "┃code-review    ✓   30  93%       3m25s┃│  #11 market-ana… ✗  2m05s rate limit…│",
        12: "┌ Metrics of run #12 (4) ─── STALE 18s ┐┌ Artifacts of run #12 (4) ─ STALE 18s ┐",
        14: "│cost           0.13 usd        ▁▂▃▃▅▇█││summary.md    report    139 B      48s│",
        15: "│latency_p…      850 ms         ▃▁▄█▃▂▄││result.json   data       99 B      53s│",
        16: "│tokens_in     25.1k tok        ▁▂▄▅▆▇█││agent.log     log       252 B      58s│",
        17: "│tool_calls        6            ▁▂▂▅▆▆█││snapshot.bin  other      40 B      59s│",
      ]
    )
  }

  @Test func anUnknownDatabaseKeepsTheRowsStaleAndSaysWhatToCheckAt120By40() {
    #expect(
      Scenes.unknownDatabase(120, 40).changedRows(from: Scenes.main(120, 40)) == [
        0:
          " taskdash  sqlite:demo.sqlite ✗ refused                                                refreshed 18s ago  live every 1s ",
        1:
          #" ⚠ database "taskdash" does not exist — check the database name (the URL's path or dbname)     retry in 57s · r retries "#,
        2:
          "┏ Tasks (4) ━━━━━━━━━━━━━━━ STALE 18s  sort: last-activity ┓┌ Runs (4) ─────────────────────── STALE 18s  sort: newest ┐",
        4:
          "┃market-analysis      ● running      12  75%    1     1m00s┃│  #12 market-analysis ● running      1m00s   1m00s        │",
        5:
          "┃code-review          ✓ completed    30  93%          3m25s┃│  #11 market-analysis ✗ failed      10m18s   2m05s rate l…│",
        6:
          "┃data-pipeline        ✗ failed        5  40%          2h05m┃│  #30 code-review     ✓ completed    3m25s   1m01s        │",
        20:
          "┌ Metrics of run #12 (4) ─────────── STALE 18s  sort: name ┐┌ Artifacts of run #12 (4) ─────── STALE 18s  sort: newest ┐",
        22:
          "│cost                 0.13 usd                      ▁▂▃▃▅▇█││summary.md                        report    139 B      48s│",
        23:
          "│latency_p95           850 ms                       ▃▁▄█▃▂▄││result.json                       data       99 B      53s│",
        24:
          "│tokens_in           25.1k tok                      ▁▂▄▅▆▇█││agent.log                         log       252 B      58s│",
        25:
          "│tool_calls              6                          ▁▂▂▅▆▆█││snapshot.bin                      other      40 B      59s│",
      ]
    )
  }

  @Test func aTerminalBelowTheMinimumSaysItIsTooSmall() {
    #expect(
      Scenes.main(40, 10).rows == [
        "                                        ",
        "                                        ",
        "                                        ",
        "                                        ",
        "           terminal too small           ",
        "           40×10, need 60×16            ",
        "                                        ",
        "                                        ",
        "                                        ",
        "                                        ",
      ]
    )
    #expect(
      Scenes.main(59, 16).rows == [
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                    terminal too small                     ",
        "                     59×16, need 60×16                     ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
      ]
    )
  }

  @Test func aOneCellTerminalShowsTheFirstLetterOfTheWarning() {
    #expect(Scenes.main(1, 1).rows == ["t"])
    #expect(Scenes.main(0, 0).rows == [])
  }

  @Test func theMinimumSizeDrawsEveryPane() {
    #expect(
      Scenes.main(60, 16).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms             ",
        " Tasks                                                      ",
        "┏ Tasks (4) ━━━━━━━━━━━━━━━━━┓┌ Runs (4) ──── sort: newest ┐",
        "┃TASK      S RUNS  OK%   LAST┃│  RUN TASK   S   TIME ERROR │",
        "┃market-a… ●   12  75%    47s┃│  #12 marke… ●    47s       │",
        "┃code-rev… ✓   30  93%  3m12s┃│  #11 marke… ✗  2m05s rate …│",
        "┃data-pip… ✗    5  40%  2h05m┃│  #30 code-… ✓  1m01s       │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└────────────────────────────┘",
        "┌ Metrics of run #12 (4) ────┐┌ Artifacts of run #12 (4) ──┐",
        "│METRIC    LATEST UNIT  TREND││AR… TYPE       SIZE      AGE│",
        "│cost        0.13 usd   ▁▂▄▆█││su… report    139 B      35s│",
        "│latenc…      850 ms    ▄█▂▁▃││re… data       99 B      40s│",
        "│tokens…    25.1k tok   ▁▃▅▇█││ag… log       252 B      45s│",
        "│tool_c…        6       ▁▄▅▅█││sn… other      40 B      46s│",
        "└────────────────────────────┘└────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  ? help  q quit   ",
      ]
    )
  }
}
